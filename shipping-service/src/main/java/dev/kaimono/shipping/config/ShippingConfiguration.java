package dev.kaimono.shipping.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.kaimono.shipping.application.AutoAdvanceProperties;

/** The clock the use cases read, shipping's settings, and scheduling when the demo auto-advance is on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutoAdvanceProperties.class)
class ShippingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Only the demo auto-advance is scheduled; without it nothing in shipping-service runs on a timer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("kaimono.shipping.auto-advance.enabled")
    @EnableScheduling
    static class AutoAdvanceScheduling {
    }
}
