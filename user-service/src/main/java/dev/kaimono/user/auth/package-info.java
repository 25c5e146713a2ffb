/** Signing in: password login, access tokens, and rotating refresh tokens. */
package dev.kaimono.user.auth;
