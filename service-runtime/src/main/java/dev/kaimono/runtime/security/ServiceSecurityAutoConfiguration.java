package dev.kaimono.runtime.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every servlet service with Spring Security validates tokens itself, even behind the gateway: RS256
 * JWTs from user-service's JWK set; {@code /api/admin/**} and {@code kaimono.security.admin-paths} need
 * role ADMIN; {@code kaimono.security.public-paths} are open; everything else needs a valid token;
 * actuator (management port only) is open. A service
 * that declares its own {@link SecurityFilterChain} (user-service) replaces all of this.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, NimbusJwtDecoder.class})
@ConditionalOnMissingBean(SecurityFilterChain.class)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ServiceSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwt().jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = AccessTokens.validator(properties.jwt().issuer(), properties.jwt().audience());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(validator).caching(decoder);
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, ServiceSecurityProperties properties,
            ObjectProvider<JsonMapper> json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json.getIfAvailable(() -> JsonMapper.builder().build()));
        return ServiceHttpSecurity.build(http, problems, requests -> {
            requests.requestMatchers("/api/admin/**").hasRole("ADMIN");
            ServiceHttpSecurity.forEachPath(properties.adminPaths(), (method, pattern) ->
                    requests.requestMatchers(method, pattern).hasRole("ADMIN"));
            ServiceHttpSecurity.forEachPath(properties.publicPaths(), (method, pattern) ->
                    requests.requestMatchers(method, pattern).permitAll());
            requests.anyRequest().authenticated();
        });
    }
}
