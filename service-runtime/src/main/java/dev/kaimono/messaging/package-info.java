/**
 * Messaging plumbing every service uses (ARCHITECTURE §2): the envelope and its codec, the RabbitMQ
 * topology, the transactional outbox and its relay with publisher confirms, the idempotent inbox,
 * and retries that end in a per-queue dead-letter queue.
 */
package dev.kaimono.messaging;
