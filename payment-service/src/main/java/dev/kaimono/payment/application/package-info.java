/**
 * Payment use cases and their transactions: charging an order once, refunding it once, resolving payments
 * a crash left waiting for the provider, and showing a payment to its owner, and the ports they need: the
 * store ({@code Payments}), the provider ({@code PaymentProvider}) and publishing events.
 */
package dev.kaimono.payment.application;
