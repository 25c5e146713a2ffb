/** Wiring of catalog-service: its MongoDB connection, embedded for local runs. */
package dev.kaimono.catalog.config;
