package dev.kaimono.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RelayOwnerTest {

    @Test
    void anInstanceRestartedOnItsPortIsTheSameOwner() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "order-service")
                .withProperty("server.port", "8083");

        assertThat(RelayOwner.of(environment)).isEqualTo(RelayOwner.of(environment)).startsWith("order-service@")
                .endsWith(":8083");
    }

    @Test
    void instancesOnRandomPortsAreNeverTheSameOwner() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

        assertThat(RelayOwner.of(environment)).isNotEqualTo(RelayOwner.of(environment));
    }
}
