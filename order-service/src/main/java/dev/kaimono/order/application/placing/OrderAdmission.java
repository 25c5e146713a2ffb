package dev.kaimono.order.application.placing;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kaimono.order.application.saga.PlaceOrderSagas.SagaBacklog;
import dev.kaimono.order.application.saga.PlaceOrderSagas;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Whether the order pipeline can take another order (ADR 0018). An order that is accepted must be one the
 * sagas can finish: when many sagas have been running for longer than {@code maxLag} (well inside a step's
 * deadline, before the saga starts resending commands and adds to the load), or too many are running at all,
 * new orders are refused at the door with 503 and {@code Retry-After} instead of being accepted and cancelled
 * minutes later. The backlog is read from the saga table, so every instance sees the same pipeline, once per
 * check interval by a worker; placing an order only reads the last verdict.
 */
public class OrderAdmission {

    private static final Logger log = LoggerFactory.getLogger(OrderAdmission.class);

    private final PlaceOrderSagas sagas;
    private final Clock clock;
    private final Settings settings;
    private final Counter refused;
    private volatile SagaBacklog backlog = new SagaBacklog(0, 0);
    private volatile boolean closed;

    public OrderAdmission(PlaceOrderSagas sagas, Clock clock, Settings settings, MeterRegistry meters) {
        this.sagas = sagas;
        this.clock = clock;
        this.settings = settings;
        this.refused = Counter.builder("kaimono.orders.refused")
                .description("Orders refused at the door because the pipeline is behind").register(meters);
        Gauge.builder("kaimono.saga.in.flight", this, admission -> admission.backlog.inFlight())
                .description("Place-order sagas running at the last admission check").register(meters);
        Gauge.builder("kaimono.saga.lagging", this, admission -> admission.backlog.lagging())
                .description("Place-order sagas running for longer than the admission's maximum lag").register(meters);
    }

    /** Reads the backlog again and decides whether the door is open; run every check interval. */
    public void refresh() {
        SagaBacklog current = sagas.backlog(clock.instant().minus(settings.maxLag()));
        boolean overloaded = current.lagging() >= settings.laggingOrders() || current.inFlight() >= settings.maxInFlight();
        if (overloaded != closed) {
            if (overloaded) {
                log.warn("Refusing new orders: {} sagas running, {} of them for longer than {} s", current.inFlight(),
                        current.lagging(), settings.maxLag().toSeconds());
            }
            else {
                log.info("Taking orders again: {} sagas running, {} for longer than {} s", current.inFlight(),
                        current.lagging(), settings.maxLag().toSeconds());
            }
        }
        backlog = current;
        closed = overloaded;
    }

    /**
     * Lets an order in, or refuses it while the pipeline is behind.
     *
     * @throws OrdersBusyException while the door is closed
     */
    public void admit() {
        if (settings.enabled() && closed) {
            refused.increment();
            throw new OrdersBusyException(settings.retryAfter());
        }
    }

    /**
     * @param enabled whether orders are ever refused (the backlog is measured either way)
     * @param maxLag how long a saga may run before it counts as lagging
     * @param laggingOrders lagging sagas that close the door
     * @param maxInFlight running sagas that close the door, lagging or not
     * @param retryAfter what a refused shopper is told to wait
     */
    public record Settings(boolean enabled, Duration maxLag, int laggingOrders, int maxInFlight, Duration retryAfter) {
    }
}
