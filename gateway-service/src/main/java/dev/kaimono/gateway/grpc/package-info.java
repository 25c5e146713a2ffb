/**
 * Protocol conversion: public HTTP/JSON reads answered by a service's gRPC API (inventory-service's
 * {@code StockLookup}, ADR 0032), behind the same security, rate limits, circuit breaker and bulkhead as any route,
 * with gRPC statuses turned into the problem details the service's REST API would answer.
 */
package dev.kaimono.gateway.grpc;
