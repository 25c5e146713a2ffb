package dev.kaimono.order.config;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.kaimono.order.application.placing.IdempotencyKeys;
import dev.kaimono.order.application.placing.OrderAdmission;
import dev.kaimono.order.application.OrderEventsAppended;
import dev.kaimono.order.application.saga.PlaceOrderSagaManager;
import dev.kaimono.order.application.saga.PlaceOrderSagas;
import dev.kaimono.order.catalog.CatalogProperties;
import dev.kaimono.order.domain.saga.PlaceOrderSaga;
import dev.kaimono.order.projection.Projector;
import dev.kaimono.runtime.PeriodicWorker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The clock (millisecond precision, which PostgreSQL and JSON keep exactly), the saga's deadlines, and two
 * background workers per instance: the projector (woken after every local write, and polling for other
 * instances' writes) and the saga deadline scanner. Several instances coordinate through the database:
 * projector batches hold an advisory lock per projection, and the scanner locks sagas with
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OrderProperties.class, CatalogProperties.class})
class OrderConfiguration {

    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    PlaceOrderSaga placeOrderSaga(OrderProperties properties) {
        OrderProperties.Saga saga = properties.saga();
        return new PlaceOrderSaga(new PlaceOrderSaga.Deadlines(saga.stockTimeout(), saga.paymentTimeout(), saga.maxAttempts()));
    }

    @Bean
    Projector.ProjectionSettings projectionSettings(OrderProperties properties) {
        return new Projector.ProjectionSettings(properties.projection().batchSize());
    }

    @Bean
    PeriodicWorker projectorWorker(Projector projector, OrderProperties properties) {
        return PeriodicWorker.named("order-projector").every(properties.projection().pollInterval())
                .enabled(properties.projection().enabled()).task(projector::catchUpAll);
    }

    @Bean
    PeriodicWorker sagaDeadlineScanner(PlaceOrderSagaManager sagas, OrderProperties properties) {
        int batch = properties.saga().scanBatch();
        return PeriodicWorker.named("saga-deadline-scanner").every(properties.saga().scanInterval())
                .enabled(properties.saga().scannerEnabled()).againWhenFull(batch).task(() -> sagas.resumeOverdue(batch));
    }

    @Bean
    OrderAdmission orderAdmission(PlaceOrderSagas sagas, Clock clock, OrderProperties properties, MeterRegistry meters) {
        OrderProperties.Admission admission = properties.admission();
        return new OrderAdmission(sagas, clock, new OrderAdmission.Settings(admission.enabled(), admission.maxLag(),
                admission.laggingOrders(), admission.maxInFlight(), admission.retryAfter()), meters);
    }

    @Bean
    PeriodicWorker orderAdmissionCheck(OrderAdmission admission, OrderProperties properties) {
        return PeriodicWorker.named("order-admission").every(properties.admission().checkInterval())
                .runs(admission::refresh);
    }

    @Bean
    PeriodicWorker idempotencyKeyExpiry(IdempotencyKeys keys, Clock clock, OrderProperties properties) {
        return PeriodicWorker.named("idempotency-key-expiry").every(properties.idempotencyKeys().cleanupInterval())
                .task(() -> keys.forgetStoredBefore(clock.instant().minus(properties.idempotencyKeys().retention())));
    }

    @Bean
    ProjectorWakeUp projectorWakeUp(PeriodicWorker projectorWorker) {
        return new ProjectorWakeUp(projectorWorker);
    }

    /** Wakes the projector as soon as a transaction that appended order events has committed. */
    static final class ProjectorWakeUp {

        private final PeriodicWorker projector;

        ProjectorWakeUp(PeriodicWorker projector) {
            this.projector = projector;
        }

        @TransactionalEventListener
        void on(OrderEventsAppended appended) {
            projector.nudge();
        }
    }
}
