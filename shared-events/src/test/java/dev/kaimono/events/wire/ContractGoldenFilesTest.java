package dev.kaimono.events.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.kaimono.events.MessageType;
import dev.kaimono.events.MessageTypes;
import dev.kaimono.events.SampleMessages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire form of every message type is pinned in {@code src/test/resources/contracts/<type>.v<n>.json}.
 * Renaming, retyping or removing a field fails here, before a consumer breaks: publish a new version instead.
 * (Regenerate a golden file only for a new version, with {@code -Dkaimono.contracts.write=true}.)
 */
class ContractGoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/contracts");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageCodec codec = new MessageCodec(List.of());

    @Test
    void everyMessageTypeHasASample() {
        assertThat(SampleMessages.ALL.keySet()).containsExactlyInAnyOrderElementsOf(MessageTypes.ALL);
    }

    @TestFactory
    Stream<DynamicTest> wireFormMatchesItsGoldenFile() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () -> {
            Path golden = GOLDEN.resolve(type.name() + ".v" + type.version() + ".json");
            JsonNode actual = codec.toData(SampleMessages.ALL.get(type));
            if (Boolean.getBoolean("kaimono.contracts.write")) {
                Files.writeString(golden, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            }
            assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(JSON.readTree(read(golden))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> goldenFileReadsBackAsTheContract() {
        return MessageTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.name(), () ->
                assertThat(readAs(type)).isEqualTo(SampleMessages.ALL.get(type))));
    }

    private <T> T readAs(MessageType<T> type) throws IOException {
        JsonNode data = JSON.readTree(read(GOLDEN.resolve(type.name() + ".v" + type.version() + ".json")));
        var envelope = new EventEnvelope(java.util.UUID.randomUUID(), type.name(), type.version(), java.time.Instant.now(),
                "test", "aggregate", java.util.UUID.randomUUID(), null, data);
        return codec.payload(envelope, type);
    }

    private static String read(Path golden) throws IOException {
        return Files.readString(golden, StandardCharsets.UTF_8);
    }
}
