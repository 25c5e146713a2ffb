/** The RSA keys that sign access tokens, their JWK set, and the JWT encoder and decoder built on them. */
package dev.kaimono.user.keys;
