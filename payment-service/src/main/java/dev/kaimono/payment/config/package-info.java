/** Wiring of payment-service: settings, the clock, and the schedule of the recovery sweep. */
package dev.kaimono.payment.config;
