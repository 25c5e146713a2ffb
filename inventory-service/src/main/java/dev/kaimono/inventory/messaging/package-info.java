/**
 * inventory-service on RabbitMQ: the commands and events it consumes, mapped to its use cases, and the
 * integration events it publishes through the outbox, mapped from what its aggregates record.
 */
package dev.kaimono.inventory.messaging;
