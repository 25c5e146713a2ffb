/** payment-service: payments and refunds. */
package dev.kaimono.payment;
