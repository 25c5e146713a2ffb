package dev.kaimono.runtime;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What happens only once a transaction's work is durable: counting an outcome, waking a relay. The one way
 * every service defers work to the commit, so a rolled-back transaction never counts or wakes anything.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} after the current transaction commits, and never if it rolls back; at once when no
     * transaction is being synchronised (the caller's work is already durable).
     */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
