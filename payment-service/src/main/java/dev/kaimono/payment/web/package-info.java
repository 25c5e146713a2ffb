/** The HTTP API of payment-service ({@code GET /api/payments?orderId=}) and its problem details. */
package dev.kaimono.payment.web;
