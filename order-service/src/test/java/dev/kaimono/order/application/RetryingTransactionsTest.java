package dev.kaimono.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import dev.kaimono.order.domain.Orders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A command that loses an optimistic-concurrency race runs again in a new transaction, a bounded number of times. */
class RetryingTransactionsTest {

    private final RecordingTransactions transactionManager = new RecordingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RetryingTransactions retrying = new RetryingTransactions(transactionManager, meters);

    @Test
    void runsTheWorkAgainInANewTransactionAfterAConflict() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrying.execute(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConcurrencyConflictException(Orders.ORDER, 1, null);
            }
            return "decided on the new state";
        });

        assertThat(result).isEqualTo("decided on the new state");
        assertThat(transactionManager.outcomes).containsExactly("rollback", "commit");
        assertThat(meters.counter("kaimono.orders.concurrency.conflicts").count()).isEqualTo(1);
    }

    @Test
    void givesUpWithAConflictAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrying.execute(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyConflictException(Orders.ORDER, 1, null);
        })).isInstanceOf(OrderConcurrencyException.class).hasCauseInstanceOf(ConcurrencyConflictException.class);

        assertThat(attempts).hasValue(RetryingTransactions.MAX_ATTEMPTS);
        assertThat(transactionManager.outcomes).containsExactly("rollback", "rollback", "rollback");
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrying.execute(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a race");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
    }

    /** Records how each transaction ended; holds no resources. */
    private static final class RecordingTransactions extends AbstractPlatformTransactionManager {

        final List<String> outcomes = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            outcomes.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            outcomes.add("rollback");
        }
    }
}
