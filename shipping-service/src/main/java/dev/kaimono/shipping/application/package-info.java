/**
 * Use cases of shipping, each in one transaction with the events it publishes: arranging and
 * cancelling shipments as orders are confirmed and cancelled, carrier progress (dispatch, delivery,
 * and the demo auto-advance), and what shoppers and administrators may read.
 */
package dev.kaimono.shipping.application;
