package dev.kaimono.runtime.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/** Request-scoped logging context for servlet services: the correlation id in every log line. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
public class LoggingAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdLoggingFilter> correlationIdLoggingFilter() {
        FilterRegistrationBean<CorrelationIdLoggingFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdLoggingFilter());
        // Before security, so that rejected requests are logged with their id too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
