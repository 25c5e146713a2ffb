package dev.kaimono.load.books;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stock each product started with, as the run's setup set it: CSV with the header
 * {@code product_id,initial_stock}. Inventory keeps no history of stock levels, so the books check takes
 * the starting point from here.
 */
public final class InitialStockFile {

    static final String HEADER = "product_id,initial_stock";

    private InitialStockFile() {
    }

    public static Map<UUID, Integer> read(Path file) {
        Map<UUID, Integer> stock = new LinkedHashMap<>();
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] columns = line.split(",");
                if (columns.length != 2) {
                    throw new IllegalArgumentException("Not an initial-stock line in %s: %s".formatted(file, line));
                }
                stock.put(UUID.fromString(columns[0].strip()), Integer.parseInt(columns[1].strip()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return stock;
    }

    /** Writes the file, replacing an older one. */
    public static void write(Path file, Map<UUID, Integer> initialStock) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        initialStock.forEach((product, stock) -> lines.add(product + "," + stock));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
