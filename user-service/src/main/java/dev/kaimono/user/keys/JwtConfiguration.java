package dev.kaimono.user.keys;


import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import dev.kaimono.runtime.security.AccessTokens;

/**
 * The JWT encoder that signs access tokens with the active key, and the decoder user-service uses to
 * validate tokens itself: RS256 only, issuer, audience and expiry checked, against its own keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class JwtConfiguration {

    @Bean
    SigningKeys signingKeys(TokenProperties properties) {
        return SigningKeys.from(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(keys.keySet()));
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, TokenProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.publicKeySet()))
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add(SignatureAlgorithm.RS256);
                })
                .build();
        decoder.setJwtValidator(AccessTokens.validator(properties.issuer(), properties.audience()));
        return decoder;
    }

}
