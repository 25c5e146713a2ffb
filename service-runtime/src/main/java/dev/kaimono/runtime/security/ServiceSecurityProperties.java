package dev.kaimono.runtime.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token validation of a service ({@code kaimono.security.jwt.*}), the paths anyone may call
 * ({@code kaimono.security.public-paths}) and the paths only administrators may call besides
 * {@code /api/admin/**} ({@code kaimono.security.admin-paths}); entries like {@code GET /api/products/**},
 * or a bare pattern for every method. Admin paths win over public ones.
 */
@ConfigurationProperties("kaimono.security")
public record ServiceSecurityProperties(@DefaultValue Jwt jwt, @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> adminPaths) {

    /**
     * @param issuer the expected {@code iss}
     * @param audience the expected {@code aud}
     * @param jwkSetUri where user-service publishes its keys
     */
    public record Jwt(
            @DefaultValue("urn:kaimono:user-service") String issuer,
            @DefaultValue("kaimono-api") String audience,
            @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwkSetUri) {
    }
}
