/** Payments in PostgreSQL, with plain SQL through {@code JdbcClient}. */
package dev.kaimono.payment.persistence;
