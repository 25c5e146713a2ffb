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
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The orders a run had accepted (202) and what each asked for: CSV with the header
 * {@code order_id,accepted_at,lines}, lines as {@code productId:quantity} joined by {@code |}.
 * The load test writes it; the books check reads it to prove none of them was lost.
 */
public final class AcceptedOrdersFile {

    static final String HEADER = "order_id,accepted_at,lines";

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
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
            return new Writer(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Appends accepted orders; safe to call from many threads. */
    public static final class Writer implements AutoCloseable {

        private final BufferedWriter out;

        private Writer(BufferedWriter out) {
            this.out = out;
        }

        public synchronized void accepted(UUID orderId, Instant acceptedAt, Map<UUID, Integer> lines) {
            String encoded = lines.entrySet().stream().map(line -> line.getKey() + ":" + line.getValue())
                    .collect(Collectors.joining("|"));
            try {
                out.write(orderId + "," + acceptedAt + "," + encoded);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record accepted order " + orderId, e);
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
