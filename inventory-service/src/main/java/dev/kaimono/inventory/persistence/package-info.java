/** PostgreSQL storage of stock items and reservations with {@code JdbcClient}: row locks, no ORM. */
package dev.kaimono.inventory.persistence;
