/** gateway-service: routing, JWT validation, rate limiting and response aggregation. */
package dev.kaimono.gateway;
