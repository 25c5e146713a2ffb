/** The request body limit: no routed request carries more than {@code kaimono.gateway.max-request-body}. */
package dev.kaimono.gateway.body;
