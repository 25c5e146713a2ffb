/** PostgreSQL storage of shipments and cancelled orders with {@code JdbcClient} (no JPA; see docs/adr/0011). */
package dev.kaimono.shipping.persistence;
