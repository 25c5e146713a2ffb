package dev.kaimono.gateway.error;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** How the handler tells a client that hung up from a failure worth a warning: by the state of its connection. */
class GatewayErrorHandlerTest {

    @Test
    void aClosedConnectionIsAClientThatHungUp() {
        EmbeddedChannel channel = new EmbeddedChannel();
        Connection connection = Connection.from(channel);
        assertThat(GatewayErrorHandler.closed(connection)).isFalse();

        channel.close();

        assertThat(GatewayErrorHandler.closed(connection)).isTrue();
    }

    @Test
    void aRequestNotOnANettyConnectionIsNeverTakenForOne() {
        assertThat(GatewayErrorHandler.closed(new Object())).isFalse();
        assertThat(GatewayErrorHandler.closed(null)).isFalse();
    }
}
