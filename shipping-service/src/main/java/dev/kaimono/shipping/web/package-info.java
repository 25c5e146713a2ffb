/** HTTP API of shipping-service: shipments for their shoppers and administrators, and RFC 9457 problem details. */
package dev.kaimono.shipping.web;
