/**
 * The event store of orders on PostgreSQL ({@code order_event}), with JdbcClient: append with an expected
 * version (a unique violation is a concurrency conflict), load a stream, and the stored JSON schema of
 * each event, kept apart from the domain records so the domain can change without rewriting history.
 */
package dev.kaimono.order.eventstore;
