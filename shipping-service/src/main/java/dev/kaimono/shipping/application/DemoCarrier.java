package dev.kaimono.shipping.application;

import java.util.concurrent.ThreadLocalRandom;

import dev.kaimono.shipping.domain.Tracking;

/** The pretend carrier of the auto-advance: "Kaimono Express", with made-up tracking numbers. */
final class DemoCarrier {

    static final String NAME = "Kaimono Express";

    private DemoCarrier() {
    }

    /** Tracking such as {@code Kaimono Express KX-4821-9930-0417}. */
    static Tracking nextTracking() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new Tracking(NAME, "KX-%04d-%04d-%04d".formatted(random.nextInt(10_000), random.nextInt(10_000),
                random.nextInt(10_000)));
    }
}
