/** Redis token-bucket rate limits per verified subject or client address, failing open when Redis is down. */
package dev.kaimono.gateway.ratelimit;
