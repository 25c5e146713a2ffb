/** Wiring of catalog-service: its MongoDB connection (embedded for local runs), security rules, clock. */
package dev.kaimono.catalog.config;
