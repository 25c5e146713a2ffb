package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./platform up} starts every service from its unpacked jar with the AOT cache it made for it (ADR 0034), and
 * the JVM really uses that cache: a JVM maps the cache file it loads classes from, and one that rejected the cache
 * (another jar, JDK or set of options) maps nothing of it and starts the slow way.
 */
@ExtendWith(PlatformExtension.class)
class StartupCacheE2EIT {

    @ParameterizedTest
    @ValueSource(strings = { "user-service", "catalog-service", "order-service", "inventory-service",
            "payment-service", "shipping-service", "gateway-service" })
    void everyServiceRunsFromTheCacheMadeForItsJar(String service, RunningPlatform platform) throws IOException {
        Path cache = platform.root().resolve(service + "/target/startup");
        assertThat(cache.resolve("stamp")).exists();
        assertThat(Files.readString(cache.resolve("stamp")))
                .as("the cache is made for the jar as built")
                .startsWith(Files.size(platform.root().resolve(service + "/target/" + service + ".jar")) + " ");

        long pid = platform.process(service).pid();
        List<String> command = platform.process(service).info().arguments().map(List::of).orElseThrow();
        assertThat(command).contains("-XX:AOTCache=" + cache.resolve(service + ".aot"), cache.resolve(service + ".jar").toString());
        assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/maps")))
                .as("memory mappings of %s (pid %d)", service, pid)
                .anyMatch(mapping -> mapping.endsWith(cache.resolve(service + ".aot").toString()));
    }
}
