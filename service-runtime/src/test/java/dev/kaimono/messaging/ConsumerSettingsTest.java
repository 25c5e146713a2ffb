package dev.kaimono.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    @Test
    void aQueueNamedInTheSettingsGetsItsConsumersAndAnyOtherOneConsumerToKeepItsOrder() {
        MessagingProperties.Consumer settings = consumer(Map.of("payment-service.commands", 8));

        assertThat(settings.consumersOf("payment-service.commands")).isEqualTo(8);
        assertThat(settings.consumersOf("payment-service.events")).isEqualTo(1);
        assertThat(consumer(null).consumersOf("payment-service.commands")).isEqualTo(1);
    }

    @Test
    void refusesFewerThanOneConsumerNamingTheQueue() {
        assertThatIllegalArgumentException().isThrownBy(() -> consumer(Map.of("inventory-service.commands", 0)))
                .withMessageContaining("inventory-service.commands");
    }

    private static MessagingProperties.Consumer consumer(Map<String, Integer> concurrency) {
        return new MessagingProperties.Consumer(4, Duration.ofMillis(200), 3.0, Duration.ofSeconds(5), 20,
                Duration.ofDays(14), Duration.ofHours(1), concurrency);
    }
}
