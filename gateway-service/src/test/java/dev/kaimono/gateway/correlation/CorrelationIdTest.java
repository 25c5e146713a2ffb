package dev.kaimono.gateway.correlation;

import java.util.UUID;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "0f8fad5b-d9cb-469f-a165-70867728950e", "checkout.2024_11-abc",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._" })
    void keepsAnIdMadeOfSafeCharacters(String id) {
        assertThat(CorrelationId.accept(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "with space", "new\nline", "semi;colon", "ünïcode", "quote\"d",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-" })
    void replacesAMissingOrUnsafeIdWithANewUuid(String id) {
        String accepted = CorrelationId.accept(id);

        assertThat(accepted).isNotEqualTo(id);
        assertThat(UUID.fromString(accepted)).hasToString(accepted);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void generatesADifferentIdEachTime(String id) {
        assertThat(CorrelationId.accept(id)).isNotEqualTo(CorrelationId.accept(id));
    }

    @RepeatedTest(20)
    void newIdsAreVersion4VariantTwoUuids() {
        UUID id = UUID.fromString(CorrelationId.accept(null));

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }
}
