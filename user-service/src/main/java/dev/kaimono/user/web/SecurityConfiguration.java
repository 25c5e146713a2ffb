package dev.kaimono.user.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.kaimono.runtime.security.AccessTokens;
import dev.kaimono.runtime.security.ProblemResponses;
import dev.kaimono.runtime.security.ServiceHttpSecurity;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service trusts no header: every protected request carries an access token it validates itself
 * (see {@code JwtConfiguration}) with the rules every Kaimono service shares ({@link AccessTokens}).
 * Registration, login, refresh, logout (the refresh token is the credential) and the JWK set are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Actuator is served on the management port only, which is never routed or exposed publicly. */
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        return ServiceHttpSecurity.build(http, new ProblemResponses(json), requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/users", "/api/auth/token", "/api/auth/refresh", "/api/auth/logout")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                .requestMatchers("/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated());
    }
}
