/** inventory-service: stock levels and reservations. */
package dev.kaimono.inventory;
