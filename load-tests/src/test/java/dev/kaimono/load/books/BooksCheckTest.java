package dev.kaimono.load.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BooksCheckTest {

    @Test
    void countsAnUnansweredPostThatPlacedItsOrderAsAnAcceptedOrder() {
        UUID accepted = UUID.randomUUID();
        UUID placedAllTheSame = UUID.randomUUID();
        UUID answeredKey = UUID.randomUUID();
        UUID refusedKey = UUID.randomUUID();
        Map<UUID, Integer> lines = Map.of(UUID.randomUUID(), 2);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Map<UUID, Map<UUID, Integer>> orders = BooksCheck.withPlacedUnanswered(Map.of(accepted, Map.of(UUID.randomUUID(), 1)),
                Map.of(answeredKey, lines, refusedKey, Map.of(UUID.randomUUID(), 1)), Map.of(answeredKey, placedAllTheSame),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(orders).containsOnlyKeys(accepted, placedAllTheSame).containsEntry(placedAllTheSame, lines);
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith(
                "2 order POSTs went unanswered (no answer or 5xx): 1 placed their order all the same (checked with the accepted ones), 1 did not");
    }
}
