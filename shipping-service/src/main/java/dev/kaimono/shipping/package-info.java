/** shipping-service: shipments and carrier progress. */
package dev.kaimono.shipping;
