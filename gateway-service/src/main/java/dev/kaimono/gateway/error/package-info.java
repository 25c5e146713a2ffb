/** RFC 9457 problem responses for every error the gateway itself produces, and when a client may retry. */
package dev.kaimono.gateway.error;
