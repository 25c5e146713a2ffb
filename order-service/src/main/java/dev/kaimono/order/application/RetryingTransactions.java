package dev.kaimono.order.application;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs work in a transaction and, when it loses an optimistic-concurrency race, runs it again in a new
 * one (re-loading and re-deciding), up to {@value #MAX_ATTEMPTS} times; then it gives up with
 * {@link OrderConcurrencyException} (HTTP 409).
 */
@Component
public class RetryingTransactions {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);

    private final TransactionTemplate transactions;
    private final Counter conflicts;

    RetryingTransactions(PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.conflicts = Counter.builder("kaimono.orders.concurrency.conflicts")
                .description("Commands that lost an optimistic-concurrency race on an order and were retried or refused")
                .register(meters);
    }

    public <T> T execute(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (ConcurrencyConflictException conflict) {
                conflicts.increment();
                if (attempt == MAX_ATTEMPTS) {
                    throw new OrderConcurrencyException("The order is changing right now; try again", conflict);
                }
                log.debug("Retrying after a concurrent change (attempt {}): {}", attempt, conflict.getMessage());
            }
        }
    }
}
