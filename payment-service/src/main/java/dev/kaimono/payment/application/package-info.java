/**
 * Payment use cases and their transactions: charging an order once, refunding it once, resolving payments
 * a crash left waiting for the provider, and showing a payment to its owner. Ports to the outside that the
 * domain does not own (publishing events) live here too.
 */
package dev.kaimono.payment.application;
