/**
 * Use cases of inventory, each one transaction: stock administration, availability, reserving, releasing,
 * deducting and restocking per order, and the expiry of stale reservations; and the ports they need
 * ({@code StockItems}, {@code Reservations}, publishing events).
 */
package dev.kaimono.inventory.application;
