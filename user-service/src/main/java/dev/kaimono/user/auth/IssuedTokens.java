package dev.kaimono.user.auth;

import java.time.Duration;

/** An access token and the refresh token that can replace it. */
record IssuedTokens(String accessToken, Duration accessTokenTtl, String refreshToken) {
}
