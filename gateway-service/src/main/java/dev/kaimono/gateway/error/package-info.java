/** RFC 9457 problem responses for every error the gateway itself produces. */
package dev.kaimono.gateway.error;
