package dev.kaimono.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SagaPatienceTest {

    private static final Instant SENT = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Test
    void aPatienceNoLongerThanTheMarginLeavesNoTimeToCharge() {
        assertThat(SagaPatience.leavesNoTimeToCharge(SENT, SENT.plusSeconds(5), MARGIN)).isTrue();
        assertThat(SagaPatience.leavesNoTimeToCharge(SENT, SENT.plusSeconds(3), MARGIN)).isTrue();
    }

    @Test
    void aLongerPatienceOrNoDeadlineLeavesTime() {
        assertThat(SagaPatience.leavesNoTimeToCharge(SENT, SENT.plusSeconds(60), MARGIN)).isFalse();
        assertThat(SagaPatience.leavesNoTimeToCharge(SENT, SENT.plusMillis(5_001), MARGIN)).isFalse();
        assertThat(SagaPatience.leavesNoTimeToCharge(SENT, null, MARGIN)).isFalse();
    }
}
