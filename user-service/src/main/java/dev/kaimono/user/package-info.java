/** user-service: accounts, credentials, tokens and JWKS. */
package dev.kaimono.user;
