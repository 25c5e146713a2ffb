package dev.kaimono.shipping.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.runtime.PeriodicWorker;
import dev.kaimono.shipping.application.AutoAdvance;
import dev.kaimono.shipping.application.AutoAdvanceProperties;

/** The clock the use cases read, shipping's settings, and the worker of the demo auto-advance when it is on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutoAdvanceProperties.class)
class ShippingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Only the demo auto-advance runs on a timer; without it nothing in shipping-service does. */
    @Bean
    @ConditionalOnBooleanProperty("kaimono.shipping.auto-advance.enabled")
    PeriodicWorker autoAdvanceWorker(AutoAdvance autoAdvance, AutoAdvanceProperties properties) {
        return PeriodicWorker.named("shipping-auto-advance").every(properties.interval()).runs(autoAdvance::sweep);
    }
}
