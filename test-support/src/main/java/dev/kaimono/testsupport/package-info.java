/**
 * Real infrastructure for integration tests: {@link dev.kaimono.testsupport.WithInfrastructure} gives a
 * Spring test context its own PostgreSQL database, RabbitMQ vhost, Redis and MongoDB database, from
 * Testcontainers when a Docker engine is present and from the local services otherwise.
 */
package dev.kaimono.testsupport;
