/** Wiring of shipping-service: security rules, the clock, settings, and the demo auto-advance's scheduling. */
package dev.kaimono.shipping.config;
