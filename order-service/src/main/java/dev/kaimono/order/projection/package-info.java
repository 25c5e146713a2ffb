/**
 * Read models of orders kept from the event store: {@code order_summary} (a shopper's list) and
 * {@code order_details}, each with a checkpoint, caught up by the {@link dev.kaimono.order.projection.Projector}
 * and rebuildable from the events at any time.
 */
package dev.kaimono.order.projection;
