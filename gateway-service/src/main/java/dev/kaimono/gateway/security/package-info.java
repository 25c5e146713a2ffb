/** JWT validation against user-service's published keys, and who may call which route. */
package dev.kaimono.gateway.security;
