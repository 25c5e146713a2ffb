/** Responses the gateway composes from several services: product details (catalog + inventory). */
package dev.kaimono.gateway.aggregation;
