package dev.kaimono.inventory.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.inventory.application.InventoryProperties;

/** The clock the use cases read time from, and inventory's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InventoryProperties.class)
class InventoryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
