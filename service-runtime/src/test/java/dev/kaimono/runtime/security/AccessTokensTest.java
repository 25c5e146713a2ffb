package dev.kaimono.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokensTest {

    private static final String ISSUER = "urn:kaimono:user-service";
    private static final String AUDIENCE = "kaimono-api";

    private final OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(ISSUER, AUDIENCE);

    @Test
    void acceptsATokenWithExpiryIssuerAudienceAndSubject() {
        Jwt jwt = token().expiresAt(Instant.now().plusSeconds(600)).build();

        assertThat(validator.validate(jwt).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        Jwt jwt = token().build();

        assertThat(validator.validate(jwt).getErrors()).extracting(OAuth2Error::getDescription)
                .contains("The token has no expiry (exp)");
    }

    @Test
    void refusesAnExpiredToken() {
        Jwt jwt = token().issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600)).build();

        assertThat(validator.validate(jwt).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenForAnotherAudience() {
        Jwt jwt = token().audience(List.of("someone-else")).expiresAt(Instant.now().plusSeconds(600)).build();

        assertThat(validator.validate(jwt).getErrors()).extracting(OAuth2Error::getDescription)
                .contains("The token is not meant for " + AUDIENCE);
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("token").header("alg", "RS256").issuer(ISSUER).audience(List.of(AUDIENCE))
                .subject("0b7d7d1c-2a61-4f0a-9a3d-7f3a6c1e2b44").issuedAt(Instant.now().minusSeconds(10));
    }
}
