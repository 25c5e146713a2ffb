package dev.kaimono.order.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of order-service ({@code kaimono.order.*}).
 *
 * @param saga the place-order saga's deadlines and its scanner
 * @param projection the projector
 * @param idempotencyKeys how long {@code Idempotency-Key}s are remembered
 * @param admission when new orders are refused because the pipeline is behind
 */
@ConfigurationProperties("kaimono.order")
public record OrderProperties(@DefaultValue Saga saga, @DefaultValue Projection projection,
        @DefaultValue IdempotencyKeys idempotencyKeys, @DefaultValue Admission admission) {

    /**
     * @param enabled whether orders are ever refused (the backlog is measured either way)
     * @param maxLag how long a saga may run before it counts as lagging: two thirds of a step's patience (timeout
     *        × attempts, 30 s × 3 for stock), so an order let in still finishes and a service restarted within a
     *        minute does not close the door
     * @param laggingOrders lagging sagas that close the door (one stuck saga does not)
     * @param maxInFlight running sagas that close the door, lagging or not
     * @param checkInterval how often the backlog is read
     * @param retryAfter what a refused shopper is told to wait
     */
    public record Admission(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("60s") Duration maxLag,
            @DefaultValue("10") int laggingOrders,
            @DefaultValue("5000") int maxInFlight,
            @DefaultValue("1s") Duration checkInterval,
            @DefaultValue("5s") Duration retryAfter) {
    }

    /**
     * @param retention how long a key answers with its order (a client retrying later places a new one)
     * @param cleanupInterval how often expired keys are deleted
     */
    public record IdempotencyKeys(
            @DefaultValue("24h") Duration retention,
            @DefaultValue("10m") Duration cleanupInterval) {
    }

    /**
     * @param stockTimeout how long the saga waits for inventory's reply before resending reserve-stock
     * @param paymentTimeout how long the saga waits for payment's reply before resending process-payment
     * @param maxAttempts how many times a step's command is sent before the saga compensates and cancels
     * @param scanInterval how often overdue sagas are looked for
     * @param scanBatch most sagas handled per scan
     * @param scannerEnabled whether this instance scans for overdue sagas
     */
    public record Saga(
            @DefaultValue("10s") Duration stockTimeout,
            @DefaultValue("15s") Duration paymentTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1s") Duration scanInterval,
            @DefaultValue("100") int scanBatch,
            @DefaultValue("true") boolean scannerEnabled) {
    }

    /**
     * @param pollInterval how often the projector looks for new events when no local write woke it
     * @param batchSize events per projector transaction
     * @param enabled whether this instance runs the projector
     */
    public record Projection(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("true") boolean enabled) {
    }
}
