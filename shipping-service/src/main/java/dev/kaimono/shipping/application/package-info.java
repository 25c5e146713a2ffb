/**
 * Use cases of shipping, each in one transaction with the events it publishes: arranging and
 * cancelling shipments as orders are confirmed and cancelled, carrier progress (dispatch, delivery,
 * and the demo auto-advance), and what shoppers and administrators may read; and the ports they need
 * ({@code Shipments}, {@code CancelledOrders}, publishing events).
 */
package dev.kaimono.shipping.application;
