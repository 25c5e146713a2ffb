package dev.kaimono.order.application.saga;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.order.application.OrderCommandHandler;
import dev.kaimono.order.application.OrderMessages;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.saga.Compensation;
import dev.kaimono.order.domain.saga.PlaceOrderSaga;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import dev.kaimono.order.domain.saga.SagaCommand;
import dev.kaimono.order.domain.saga.SagaInput;
import dev.kaimono.order.domain.saga.Transition;
import dev.kaimono.runtime.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Drives place-order sagas: starts one with each placed order, feeds it replies and passed deadlines, and
 * stores each {@link Transition} — new state, log entry, the commands it sends (outbox) and the order
 * command it applies — in one transaction. A saga's row is locked while it moves, so a reply and the
 * deadline scanner (of any instance) never move one saga at the same time. Because state, deadline and
 * outgoing commands commit together, a crash at any point leaves either the old state with its deadline
 * (which the scanner resumes) or the new state with its commands on the way.
 */
@Service
public class PlaceOrderSagaManager {

    /** How long a saga whose deadline handling failed waits before the next try. */
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(PlaceOrderSagaManager.class);

    private final PlaceOrderSaga saga;
    private final PlaceOrderSagas sagas;
    private final OrderMessages messages;
    private final OrderCommandHandler orders;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter ignored;
    private final AtomicLong overdue = new AtomicLong();

    PlaceOrderSagaManager(PlaceOrderSaga saga, PlaceOrderSagas sagas, OrderMessages messages, OrderCommandHandler orders,
            PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters) {
        this.saga = saga;
        this.sagas = sagas;
        this.messages = messages;
        this.orders = orders;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.meters = meters;
        this.ignored = Counter.builder("kaimono.saga.ignored.replies")
                .description("Late or duplicate replies a place-order saga ignored").register(meters);
        Gauge.builder("kaimono.saga.overdue", overdue, AtomicLong::get)
                .description("Place-order sagas past their deadline at the last scan").register(meters);
        for (Compensation what : Compensation.values()) {
            compensations(what.tag());
        }
    }

    /** Starts the saga of a just-placed order, in the transaction that placed it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Order order) {
        apply(saga.start(order, clock.instant()));
    }

    /** Feeds a reply to the order's saga, in the caller's (the consumer's) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onReply(OrderId orderId, SagaInput reply) {
        Optional<PlaceOrderSagaState> state = sagas.lock(orderId);
        if (state.isEmpty()) {
            log.warn("{} for order {}, which has no place-order saga here; ignored", reply.name(), orderId);
            ignored.increment();
            return;
        }
        apply(saga.handle(state.get(), reply, clock.instant()));
    }

    /**
     * Handles sagas whose deadline passed, each in its own transaction, up to {@code max}. Sagas another
     * transaction holds are skipped (another instance has them, or a reply is moving them). A saga whose
     * handling fails is postponed by {@link #FAILURE_BACKOFF} so it cannot starve the others.
     *
     * @return how many sagas were moved
     */
    public int resumeOverdue(int max) {
        int handled = 0;
        for (OrderId orderId : transactions.execute(status -> sagas.overdue(clock.instant(), max))) {
            try {
                Boolean moved = transactions.execute(status -> sagas.lockIfOverdue(orderId, clock.instant()).map(state -> {
                    apply(saga.handle(state, new SagaInput.DeadlinePassed(), clock.instant()));
                    return true;
                }).orElse(false));
                handled += Boolean.TRUE.equals(moved) ? 1 : 0;
            } catch (RuntimeException failure) {
                log.warn("The deadline of the saga of order {} could not be handled; retrying in {}", orderId,
                        FAILURE_BACKOFF, failure);
                transactions.executeWithoutResult(status -> sagas.postpone(orderId, clock.instant().plus(FAILURE_BACKOFF)));
            }
        }
        overdue.set(transactions.execute(status -> sagas.countOverdue(clock.instant())));
        return handled;
    }

    private void apply(Transition transition) {
        if (transition.isIgnored()) {
            log.debug("Saga of order {} in {} ignores {}", transition.to().orderId(), transition.to().step(), transition.trigger());
            ignored.increment();
            return;
        }
        if (transition.from().isEmpty()) {
            sagas.insert(transition.to());
        } else {
            sagas.update(transition.to());
        }
        Instant now = transition.to().updatedAt();
        sagas.record(transition, now);
        for (SagaCommand command : transition.commands()) {
            messages.send(transition.to(), command);
        }
        transition.orderCommand().ifPresent(orders::handle);
        log.info("Saga of order {}: {} --{}--> {} (attempt {}), sends {}", transition.to().orderId(),
                transition.from().map(from -> from.step().name()).orElse("start"), transition.trigger(), transition.to().step(),
                transition.to().attempts(), transition.commands().stream().map(SagaCommand::name).toList());
        AfterCommit.run(() -> count(transition));
    }

    private void count(Transition transition) {
        transition.compensated().ifPresent(what -> compensations(what.tag()).increment());
        if (transition.finishes()) {
            PlaceOrderSagaState end = transition.to();
            Timer.builder("kaimono.saga.duration").description("Time from placing an order to the end of its saga")
                    .tag("outcome", end.step().name())
                    .tag("reason", end.cancellationReason().map(Enum::name).orElse("none"))
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(Duration.between(end.startedAt(), end.updatedAt()));
        }
    }

    private Counter compensations(String step) {
        return Counter.builder("kaimono.saga.compensations").description("Place-order saga compensations, by the step undone")
                .tag("step", step).register(meters);
    }
}
