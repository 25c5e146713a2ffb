package dev.kaimono.user.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import dev.kaimono.user.account.Account;
import dev.kaimono.user.account.Role;
import dev.kaimono.user.keys.SigningKeys;
import dev.kaimono.user.keys.TokenProperties;

/** Mints RS256 access tokens: {@code iss}, {@code aud}, {@code sub} = account id, {@code roles}. */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, SigningKeys keys, TokenProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(Account account) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.issuer())
                .audience(java.util.List.of(properties.audience()))
                .subject(account.id().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("roles", account.roles().stream().map(Role::name).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
