package dev.kaimono.load.books;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The orders a run had accepted (202) and what each asked for: CSV with the header
 * {@code order_id,accepted_at,lines}, lines as {@code productId:quantity} joined by {@code |}.
 * The load test writes it; the books check reads it to prove none of them was lost. Beside it,
 * {@value #UNANSWERED} holds the order POSTs that got no answer or a 5xx as the last one, by their
 * {@code Idempotency-Key} ({@code idempotency_key,sent_at,lines}): the books check looks each up in the order store,
 * since a POST the gateway stopped waiting for may have placed its order all the same.
 */
public final class AcceptedOrdersFile {

    static final String HEADER = "order_id,accepted_at,lines";
    static final String UNANSWERED_HEADER = "idempotency_key,sent_at,lines";
    public static final String UNANSWERED = "unanswered-orders.csv";

    private AcceptedOrdersFile() {
    }

    /** Quantity per product of each accepted order, in the order they were accepted. */
    public static Map<UUID, Map<UUID, Integer>> read(Path file) {
        Map<UUID, Map<UUID, Integer>> orders = new LinkedHashMap<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] columns = line.split(",", -1);
                if (columns.length != 3) {
                    throw new IllegalArgumentException("Not an accepted-orders line in %s: %s".formatted(file, line));
                }
                Map<UUID, Integer> quantities = new LinkedHashMap<>();
                for (String productLine : columns[2].split("\\|")) {
                    String[] parts = productLine.split(":");
                    quantities.merge(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), Integer::sum);
                }
                orders.put(UUID.fromString(columns[0]), quantities);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return orders;
    }

    /** Opens the file for writing, replacing an older one, and writes the header. */
    public static Writer create(Path file) {
        return create(file, HEADER);
    }

    /** Opens the unanswered orders' file beside the accepted orders' one, replacing an older one. */
    public static Writer createUnanswered(Path acceptedOrdersFile) {
        return create(acceptedOrdersFile.resolveSibling(UNANSWERED), UNANSWERED_HEADER);
    }

    /** The unanswered orders written beside the accepted orders' file, if there is such a file. */
    public static Optional<Map<UUID, Map<UUID, Integer>>> readUnanswered(Path acceptedOrdersFile) {
        Path file = acceptedOrdersFile.resolveSibling(UNANSWERED);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static Writer create(Path file, String header) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(header);
            out.newLine();
            return new Writer(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Appends orders, each under its id (an order's, or the POST's Idempotency-Key); safe to call from many threads. */
    public static final class Writer implements AutoCloseable {

        private final BufferedWriter out;

        private Writer(BufferedWriter out) {
            this.out = out;
        }

        public synchronized void write(UUID id, Instant at, Map<UUID, Integer> lines) {
            String encoded = lines.entrySet().stream().map(line -> line.getKey() + ":" + line.getValue())
                    .collect(Collectors.joining("|"));
            try {
                out.write(id + "," + at + "," + encoded);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record order " + id, e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the accepted-orders file", e);
            }
        }
    }
}
