/** The catalog-service adapter: a RestClient with short timeouts and a circuit breaker behind the {@code Catalog} port. */
package dev.kaimono.order.catalog;
