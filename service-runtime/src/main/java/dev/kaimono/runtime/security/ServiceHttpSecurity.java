package dev.kaimono.runtime.security;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain every Kaimono servlet service shares: stateless, no sessions, logins or CSRF (bearer
 * tokens only), JWT resource server with roles as authorities, 401/403 as problem details. The service
 * adds its access rules.
 */
public final class ServiceHttpSecurity {

    private ServiceHttpSecurity() {
    }

    /** Rules of a filter chain: the registry of request matchers and what they need. */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    public static SecurityFilterChain build(HttpSecurity http, ProblemResponses problems, Rules rules) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/error").permitAll();
                    // The service's API description, which the gateway combines (it never routes /v3/** to clients).
                    requests.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll();
                    rules.customize(requests);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(AccessTokens.rolesAsAuthorities()))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems.failureHandler());
                                return filter;
                            }
                        })
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDeniedHandler()))
                .build();
    }

    /** Applies entries like {@code GET /api/products/**} or {@code /api/open/**} (any method) to a rule. */
    static void forEachPath(List<String> entries, PathRule rule) {
        for (String entry : entries) {
            String[] parts = entry.strip().split("\\s+", 2);
            HttpMethod method = parts.length == 2 ? HttpMethod.valueOf(parts[0]) : null;
            rule.apply(method, parts[parts.length - 1]);
            if (HttpMethod.GET.equals(method)) {
                // HEAD is GET without the body: what may be read may be asked about.
                rule.apply(HttpMethod.HEAD, parts[parts.length - 1]);
            }
        }
    }

    @FunctionalInterface
    interface PathRule {
        void apply(HttpMethod method, String pattern);
    }
}
