package dev.kaimono.load.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BooksFilesTest {

    @TempDir
    Path directory;

    @Test
    void acceptedOrdersAreReadBackWithTheirLines() {
        UUID order = UUID.randomUUID();
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        lines.put(UUID.randomUUID(), 2);
        lines.put(UUID.randomUUID(), 1);
        Path file = directory.resolve("accepted-orders.csv");

        try (AcceptedOrdersFile.Writer writer = AcceptedOrdersFile.create(file)) {
            writer.write(order, Instant.parse("2026-01-02T03:04:05Z"), lines);
        }

        assertThat(AcceptedOrdersFile.read(file)).containsExactly(Map.entry(order, lines));
    }

    @Test
    void unansweredOrdersAreKeptBesideTheAcceptedOnes() {
        UUID key = UUID.randomUUID();
        Map<UUID, Integer> lines = Map.of(UUID.randomUUID(), 3);
        Path accepted = directory.resolve("accepted-orders.csv");
        assertThat(AcceptedOrdersFile.readUnanswered(accepted)).isEmpty();

        try (AcceptedOrdersFile.Writer writer = AcceptedOrdersFile.createUnanswered(accepted)) {
            writer.write(key, Instant.parse("2026-01-02T03:04:05Z"), lines);
        }

        assertThat(AcceptedOrdersFile.readUnanswered(accepted)).contains(Map.of(key, lines));
    }

    @Test
    void initialStockIsReadBack() {
        Map<UUID, Integer> stock = Map.of(UUID.randomUUID(), 100_000);
        Path file = directory.resolve("products.csv");

        InitialStockFile.write(file, stock);

        assertThat(InitialStockFile.read(file)).isEqualTo(stock);
    }

    @Test
    void rabbitmqctlOutputGivesTheDepthOfEachQueue() {
        String output = "order-service.events\t0\norder-service.events.dlq\t3\n";

        assertThat(BrokerQueues.parseListQueues(output))
                .containsExactly(Map.entry("order-service.events", 0L), Map.entry("order-service.events.dlq", 3L));
    }

    @Test
    void theEventStoresLastEventGivesTheStatus() {
        assertThat(LedgerReader.statusAfter("OrderPlaced")).isEqualTo("PENDING");
        assertThat(LedgerReader.statusAfter("OrderShipped")).isEqualTo("SHIPPED");
        assertThat(LedgerReader.statusAfter("OrderRenamed")).isEqualTo("UNKNOWN(OrderRenamed)");
    }
}
