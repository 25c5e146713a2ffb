package dev.kaimono.gateway.security;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

import dev.kaimono.gateway.error.Problems;
import dev.kaimono.runtime.security.VerifiedTokens;

/**
 * Who may call which route (ARCHITECTURE §4–5), by the lists in {@link Access}. Tokens are RS256 JWTs from user-service, checked here for
 * signature, {@code iss}, {@code aud} and expiry before anything is routed; the services check them again.
 * Paths outside {@code /api/**} are let through to the router, which knows no route for them (404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtProperties.class)
class SecurityConfiguration {

    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, Problems problems) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, Access.PUBLIC_POSTS).permitAll()
                        .pathMatchers(HttpMethod.GET, Access.PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, Access.PUBLIC_READS).permitAll()
                        .pathMatchers(Access.ADMIN_PATHS).hasRole("ADMIN")
                        .matchers(changes(Access.ADMIN_RESOURCES)).hasRole("ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .build();
    }

    /** Requests to the paths with any method but GET and HEAD: POST, PUT, PATCH, DELETE and whatever else. */
    private static ServerWebExchangeMatcher changes(String... paths) {
        ServerWebExchangeMatcher reads = new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, paths));
        return new AndServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(paths),
                new NegatedServerWebExchangeMatcher(reads));
    }

    /** Refusals of Spring Security's firewall as problems, like every other error of the gateway. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(Problems problems) {
        return new ProblemExchangeRejectedHandler(problems);
    }

    /**
     * Verifies RS256 signatures against user-service's key set and nothing else: {@code alg=none}, HMAC and
     * any other algorithm, and tokens whose {@code kid} is not published, are refused.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        WebClient client = WebClient.create();
        JwkSetCache keys = new JwkSetCache(() -> client.get()
                .uri(properties.jwkSetUri())
                .retrieve()
                .bodyToMono(String.class)
                .timeout(properties.jwkSetFetchTimeout())
                .map(SecurityConfiguration::parsePublicKeys),
                InstantSource.system(), properties.jwkSetMaxAge(), properties.jwkSetRefreshInterval());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = tokenValidator(properties);
        decoder.setJwtValidator(validator);
        return caching(decoder, new VerifiedTokens(validator, InstantSource.system(), properties.jwkSetMaxAge(),
                VerifiedTokens.CAPACITY));
    }

    /** Verifies a token's signature the first time it is seen only; its claims are validated every time (ADR 0017). */
    static ReactiveJwtDecoder caching(ReactiveJwtDecoder verifying, VerifiedTokens verified) {
        return token -> Mono.defer(() -> verified.remembered(token).map(Mono::just)
                .orElseGet(() -> verifying.decode(token).map(jwt -> verified.remember(token, jwt))));
    }

    static OAuth2TokenValidator<Jwt> tokenValidator(JwtProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText)));
    }

    /** The subject becomes the principal's name, each entry of {@code roles} a {@code ROLE_} authority. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static JWKSet parsePublicKeys(String body) {
        try {
            return JWKSet.parse(body).toPublicJWKSet();
        }
        catch (ParseException e) {
            throw new IllegalStateException("The published key set is not a JWK set: " + e.getMessage(), e);
        }
    }
}
