/** Signing in: password login with a per-email backoff, access tokens, and rotating refresh tokens. */
package dev.kaimono.user.auth;
