package dev.kaimono.catalog.product;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Ticker;

import io.micrometer.core.instrument.MeterRegistry;

/** The shoppers' read cache, sized by {@code kaimono.catalog.read-cache.*}. */
@Configuration(proxyBeanMethods = false)
class ProductReadCacheConfiguration {

    @Bean
    ProductReadCache productReadCache(@Value("${kaimono.catalog.read-cache.ttl:10s}") Duration ttl,
            @Value("${kaimono.catalog.read-cache.max-products:2000}") long maxProducts,
            @Value("${kaimono.catalog.read-cache.max-searches:200}") long maxSearches, MeterRegistry meters) {
        return new ProductReadCache(new ProductReadCache.Settings(ttl, maxProducts, maxSearches), Ticker.systemTicker(),
                meters);
    }
}
