package dev.kaimono.runtime;

import java.util.function.IntSupplier;

/** Bounded work repeated until done: short statements and transactions instead of one long one. */
public final class Batches {

    private Batches() {
    }

    /**
     * Runs {@code batch} (which handles at most {@code size} items and says how many it handled) again as long
     * as it comes back full.
     *
     * @return how many items all the batches handled
     */
    public static int repeatWhileFull(int size, IntSupplier batch) {
        int total = 0;
        int handled;
        do {
            handled = batch.getAsInt();
            total += handled;
        } while (handled == size);
        return total;
    }
}
