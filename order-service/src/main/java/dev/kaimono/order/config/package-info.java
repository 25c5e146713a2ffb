/** Wiring of order-service: settings, the clock, the saga's deadlines, and the background workers (projector, deadline scanner). */
package dev.kaimono.order.config;
