/** The route table: which downstream service serves which path, with its timeouts, bulkhead and circuit breaker. */
package dev.kaimono.gateway.routing;
