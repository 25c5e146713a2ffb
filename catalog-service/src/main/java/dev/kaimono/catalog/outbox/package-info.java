/**
 * The transactional outbox on MongoDB: event envelopes written into the changed document's
 * {@code pendingEvents} array by the same single-document write, and the relay that publishes them to
 * RabbitMQ with publisher confirms and then removes them. See docs/adr/0008.
 */
package dev.kaimono.catalog.outbox;
