/**
 * How a servlet service validates access tokens itself (ARCHITECTURE §5): RS256 JWTs from user-service's
 * JWK set, issuer, audience and expiry checked, roles as authorities, and 401/403 as problem details.
 */
package dev.kaimono.runtime.security;
