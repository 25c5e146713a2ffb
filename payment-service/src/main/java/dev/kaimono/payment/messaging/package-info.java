/**
 * Payment-service on RabbitMQ: the commands and events it consumes ({@code payment-service.commands},
 * {@code payment-service.events}) and the integration events it publishes through the outbox, mapped to and
 * from the contracts of {@code dev.kaimono.events}.
 */
package dev.kaimono.payment.messaging;
