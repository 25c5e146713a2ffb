/**
 * The RSA keys that sign access tokens (configured, kept in a key directory, or generated for a local
 * run), their JWK set, and the JWT encoder and decoder built on them.
 */
package dev.kaimono.user.keys;
