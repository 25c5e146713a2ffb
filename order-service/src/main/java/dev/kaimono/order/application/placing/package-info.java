/** Placing an order: pricing from the catalog, idempotency keys, admission when the shop is busy, and the ports to the catalog and the key store. */
package dev.kaimono.order.application.placing;
