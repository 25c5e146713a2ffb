/**
 * JWT validation against user-service's published keys, who may call which route, and which headers of the
 * client never reach a service.
 */
package dev.kaimono.gateway.security;
