/** JdbcClient repositories of order-service's mutable state: place-order sagas, carts, idempotency keys. */
package dev.kaimono.order.persistence;
