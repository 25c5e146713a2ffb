/**
 * Use cases of order-service and the ports they need: placing, reading, cancelling and fulfilling
 * orders, the shopper's cart, and running the place-order saga. Transactions begin and end here.
 */
package dev.kaimono.order.application;
