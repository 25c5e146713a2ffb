/**
 * shipping-service on RabbitMQ: consumes {@code order.confirmed} and {@code order.cancelled} (inbox), and
 * publishes the {@code shipping.*} integration events through the transactional outbox.
 */
package dev.kaimono.shipping.messaging;
