package dev.kaimono.runtime.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** What every Kaimono service checks in an access token, and how its roles become authorities. */
public final class AccessTokens {

    /** Tolerated clock difference between user-service and the validating service. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private AccessTokens() {
    }

    /** An expiry (required: a token without {@code exp} would never die) within the skew, issuer, audience, and a subject. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return validator(issuer, audience, Clock.systemUTC());
    }

    /** The same, with expiry judged by {@code clock}. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        OAuth2TokenValidator<Jwt> audienceValidator = jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for " + audience, null));
        };
        OAuth2TokenValidator<Jwt> subjectValidator = jwt -> jwt.getSubject() != null && !jwt.getSubject().isBlank()
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no subject", null));
        OAuth2TokenValidator<Jwt> expiryRequired = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has no expiry (exp)", null));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(expiryRequired, timestamps, new JwtIssuerValidator(issuer),
                audienceValidator, subjectValidator));
    }

    /** Maps the {@code roles} claim to {@code ROLE_*} authorities. */
    public static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        Converter<Jwt, Collection<GrantedAuthority>> roles = jwt -> {
            List<String> claim = jwt.getClaimAsStringList("roles");
            return claim == null ? List.of()
                    : claim.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        };
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
