package dev.kaimono.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTest {

    private static final JwtProperties PROPERTIES = new JwtProperties("urn:kaimono:user-service", "kaimono-api",
            URI.create("http://user-service/.well-known/jwks.json"), Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofSeconds(10), Duration.ofSeconds(2));

    private final OAuth2TokenValidator<Jwt> validator = SecurityConfiguration.tokenValidator(PROPERTIES);

    @Test
    void turnsRolesIntoRoleAuthoritiesAndTheSubjectIntoTheName() {
        AbstractAuthenticationToken authentication = SecurityConfiguration.authenticationConverter()
                .convert(token(Instant.now().plusSeconds(900)).claim("roles", List.of("CUSTOMER", "ADMIN")).build())
                .block();

        assertThat(authentication.getName()).isEqualTo("8d0f3b2a-1c4e-4f5a-9b6c-7d8e9f0a1b2c");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_CUSTOMER", "ROLE_ADMIN");
    }

    @Test
    void acceptsATokenOfTheContract() {
        assertThat(validator.validate(token(Instant.now().plusSeconds(900)).build()).hasErrors()).isFalse();
    }

    @Test
    void acceptsATokenExpiredWithinTheClockSkew() {
        assertThat(validator.validate(token(Instant.now().minusSeconds(20)).build()).hasErrors()).isFalse();
    }

    @Test
    void refusesATokenExpiredBeyondTheClockSkew() {
        assertThat(validator.validate(token(Instant.now().minusSeconds(40)).build()).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutExpiry() {
        Jwt jwt = token(Instant.now().plusSeconds(900)).claims(claims -> claims.remove("exp")).build();

        assertThat(validator.validate(jwt).hasErrors()).isTrue();
    }

    @Test
    void refusesATokenOfAnotherIssuerOrAudience() {
        assertThat(validator.validate(token(Instant.now().plusSeconds(900)).issuer("urn:evil").build()).hasErrors())
                .isTrue();
        assertThat(validator.validate(token(Instant.now().plusSeconds(900)).audience(List.of("other")).build())
                .hasErrors()).isTrue();
    }

    @Test
    void refusesATokenWithoutSubject() {
        Jwt jwt = token(Instant.now().plusSeconds(900)).claims(claims -> claims.remove("sub")).build();

        assertThat(validator.validate(jwt).hasErrors()).isTrue();
    }

    private static Jwt.Builder token(Instant expiresAt) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .issuer("urn:kaimono:user-service")
                .audience(List.of("kaimono-api"))
                .subject("8d0f3b2a-1c4e-4f5a-9b6c-7d8e9f0a1b2c")
                .issuedAt(expiresAt.minusSeconds(900))
                .expiresAt(expiresAt);
    }
}
