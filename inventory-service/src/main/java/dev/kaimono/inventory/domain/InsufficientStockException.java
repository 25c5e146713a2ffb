package dev.kaimono.inventory.domain;

import java.util.List;

/** Stock was needed that is not available; nothing was changed. */
public class InsufficientStockException extends RuntimeException {

    private final transient List<Shortage> shortages;

    public InsufficientStockException(String message, List<Shortage> shortages) {
        super(message + ": " + shortages);
        this.shortages = List.copyOf(shortages);
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}
