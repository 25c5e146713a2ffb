/** Wiring of inventory-service: clock and settings, token validation and access rules, the expiry schedule. */
package dev.kaimono.inventory.config;
