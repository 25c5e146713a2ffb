package dev.kaimono.payment.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.payment.application.PaymentProperties;

/** Settings of the payment use cases and the clock they read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
