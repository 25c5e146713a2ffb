/** order-service: carts, event-sourced orders, read models and the place-order saga. */
package dev.kaimono.order;
