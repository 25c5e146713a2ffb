package dev.kaimono.gateway.ratelimit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Proxies in front of the gateway ({@code kaimono.gateway.trusted-proxies}): addresses or CIDR ranges whose
 * {@code X-Forwarded-For} is believed. Empty by default, so the TCP peer is the client.
 */
@ConfigurationProperties("kaimono.gateway")
record ClientAddressProperties(List<String> trustedProxies) {

    ClientAddressProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
