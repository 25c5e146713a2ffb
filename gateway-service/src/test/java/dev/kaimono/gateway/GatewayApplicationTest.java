package dev.kaimono.gateway;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTest {

    private @Nullable String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(GatewayApplication.EVENT_LOOPS);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(GatewayApplication.EVENT_LOOPS);
        }
        else {
            System.setProperty(GatewayApplication.EVENT_LOOPS, before);
        }
    }

    @Test
    void startsOneEventLoopPerProcessor() {
        System.clearProperty(GatewayApplication.EVENT_LOOPS);

        GatewayApplication.oneEventLoopPerProcessor();

        assertThat(System.getProperty(GatewayApplication.EVENT_LOOPS))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void keepsTheNumberItIsGiven() {
        System.setProperty(GatewayApplication.EVENT_LOOPS, "7");

        GatewayApplication.oneEventLoopPerProcessor();

        assertThat(System.getProperty(GatewayApplication.EVENT_LOOPS)).isEqualTo("7");
    }
}
