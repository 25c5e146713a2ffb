/**
 * inventory-service's gRPC adapter: {@code kaimono.inventory.v1.StockLookup} (the {@code inventory-api} module) on
 * its own port, beside the REST API and answering alike: the same use cases, the same access rule (administrators
 * also see stock on hand and reserved units), the same problem kinds carried as gRPC status details (ADR 0032).
 */
package dev.kaimono.inventory.grpc;
