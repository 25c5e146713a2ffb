package dev.kaimono.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the load test does and where, from system properties ({@code -Dkaimono.*}), with environment variables
 * for what the platform itself is configured with ({@code RABBITMQ_*}, {@code KAIMONO_ADMIN_*}, {@code KAIMONO_RUN_DIR}).
 *
 * @param rates        the steps, in orders per second
 * @param step         how long each step lasts
 * @param warmUp       traffic at the first step's rate before the first step, not counted
 * @param mix          requests of each kind sent per order (the order itself counts 1)
 * @param declinedShare share of orders paid with a card the simulated provider declines
 * @param drain        how long to wait after the last step for the outcomes of accepted orders
 * @param runDirectory the platform's run directory ({@code KAIMONO_RUN_DIR}), for CPU per service; empty if unknown
 */
record LoadSettings(String gateway, List<Double> rates, Duration step, Duration warmUp, int shoppers, int products,
        int initialStock, Map<Kind, Double> mix, double declinedShare, Duration drain, String adminEmail,
        String adminPassword, String rabbitHost, int rabbitPort, String rabbitUser, String rabbitPassword, String virtualHost,
        Path output, Optional<Path> runDirectory) {

    /** The kinds of request the shoppers send, each its own open-loop arrival stream. */
    enum Kind {
        BROWSE("browse products", true), SEARCH("search", true), DETAILS("product details", true), CART("cart change", false),
        HISTORY("order history", false), ORDER("place order", false);

        final String title;
        /** Counted as browsing in the per-step summary. */
        final boolean browsing;

        Kind(String title, boolean browsing) {
            this.title = title;
            this.browsing = browsing;
        }
    }

    static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                property("kaimono.gateway", "http://127.0.0.1:8080"),
                Arrays.stream(property("kaimono.rates", "25,50,100,200,300,400").split(",")).map(String::strip)
                        .map(Double::parseDouble).toList(),
                duration(property("kaimono.step", "60s")),
                duration(property("kaimono.warmup", "30s")),
                Integer.parseInt(property("kaimono.shoppers", "500")),
                Integer.parseInt(property("kaimono.products", "200")),
                Integer.parseInt(property("kaimono.stock", "100000")),
                mix(property("kaimono.mix", "browse:1.5,search:1,details:1.5,cart:1,history:0.5")),
                Double.parseDouble(property("kaimono.declined", "0.02")),
                duration(property("kaimono.drain", "60s")),
                env("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local"),
                env("KAIMONO_ADMIN_PASSWORD", "kaimono-admin"),
                env("RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(env("RABBITMQ_PORT", "5672")),
                env("RABBITMQ_USER", "guest"),
                env("RABBITMQ_PASSWORD", "guest"),
                property("kaimono.vhost", "kaimono"),
                Path.of(property("kaimono.output", "target")),
                Optional.ofNullable(property("kaimono.runDir", System.getenv("KAIMONO_RUN_DIR"))).filter(dir -> !dir.isBlank())
                        .map(Path::of));
    }

    LoadSettings {
        rates = List.copyOf(rates);
        mix = Map.copyOf(mix);
        if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("kaimono.rates needs positive orders per second, e.g. 25,50,100: " + rates);
        }
        if (step.toSeconds() < 1 || warmUp.isNegative()) {
            throw new IllegalArgumentException("kaimono.step must be at least 1s and kaimono.warmup not negative");
        }
    }

    /** Arrivals per second of one kind of request at an order rate. */
    double rateOf(Kind kind, double ordersPerSecond) {
        return ordersPerSecond * mix.getOrDefault(kind, kind == Kind.ORDER ? 1.0 : 0.0);
    }

    /** The load profile of one kind: the warm-up at the first step's rate, then each step. */
    List<ArrivalSchedule.Phase> phases(Kind kind) {
        List<ArrivalSchedule.Phase> phases = new java.util.ArrayList<>();
        if (!warmUp.isZero()) {
            phases.add(new ArrivalSchedule.Phase(rateOf(kind, rates.getFirst()), warmUp.toSeconds()));
        }
        rates.forEach(rate -> phases.add(new ArrivalSchedule.Phase(rateOf(kind, rate), step.toSeconds())));
        return phases;
    }

    Duration total() {
        return warmUp.plus(step.multipliedBy(rates.size()));
    }

    private static Map<Kind, Double> mix(String spec) {
        Map<Kind, Double> mix = new LinkedHashMap<>();
        mix.put(Kind.ORDER, 1.0);
        for (String part : spec.split(",")) {
            String[] pair = part.strip().split(":");
            mix.put(Kind.valueOf(pair[0].strip().toUpperCase()), Double.parseDouble(pair[1].strip()));
        }
        return mix;
    }

    /** {@code 90s}, {@code 2m}, {@code 500ms}, or plain seconds. */
    static Duration duration(String text) {
        String value = text.strip().toLowerCase();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
