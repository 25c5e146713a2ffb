/**
 * order-service on RabbitMQ: maps domain events and saga commands to the integration contracts of
 * {@code dev.kaimono.events} (through the outbox), and replies and shipping events back to use cases.
 */
package dev.kaimono.order.messaging;
