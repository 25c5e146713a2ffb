package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./platform up} starts every service from its unpacked jar with the AOT cache it made for it (ADR 0034), and
 * the JVM really uses that cache: a JVM maps the cache file it loads classes from, and one that rejected the cache
 * (another jar, JDK or set of options) maps nothing of it and starts the slow way. The gateway's cache is made
 * again from a run that served shoppers' requests (ADR 0036), so it holds the method profiles of its routing path.
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
        assertThat(Files.readAllLines(platform.logOf(service)))
                .as("what the JVM said about its cache in %s", platform.logOf(service))
                .noneMatch(line -> line.contains("][warning][aot"));
    }

    @Test
    void theGatewaysCacheHoldsTheProfilesOfItsRoutingPath(RunningPlatform platform) throws Exception {
        Path cache = platform.root().resolve("gateway-service/target/startup");
        assertThat(Files.readString(cache.resolve("trained")))
                .as("what the training's traffic was answered")
                .containsPattern("\\d+ requests in \\d+ s:.* 200×\\d+");

        // The gateway's own JVM options and cache, asked to list the training data the cache holds.
        ProcessHandle.Info gateway = platform.process("gateway-service").info();
        List<String> arguments = gateway.arguments().map(List::of).orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(gateway.command().orElseThrow());
        command.addAll(arguments.subList(0, arguments.indexOf("-jar")));
        command.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AOTPrintTrainingInfo",
                "-cp", cache.resolve("gateway-service.jar").toString(), "-version"));
        Process listing = new ProcessBuilder(command).redirectErrorStream(true).start();
        String trainingData = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(listing.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // A cache made from a start alone never ran a request through the routing filter, so it has no profile of it.
        assertThat(trainingData.lines().filter(line -> line.contains("cloud/gateway/filter/NettyRoutingFilter[L].filter(")))
                .as("the training data of %s about the routing filter (%d lines in all)", cache.resolve("gateway-service.aot"),
                        trainingData.lines().count())
                .isNotEmpty();
    }
}
