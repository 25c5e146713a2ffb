package dev.kaimono.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kaimono.load.faults.BrokerConnections;

/**
 * A temporary queue bound to an exchange in the running platform's virtual host, to see what the services
 * publish. Deleted on close.
 */
final class BrokerProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;
    private final String queue = "e2e-probe." + UUID.randomUUID();
    private final List<JsonNode> seen = new ArrayList<>();

    private BrokerProbe(String vhost, String exchange, String routingKey) throws IOException, TimeoutException {
        connection = BrokerConnections.to(vhost).newConnection("e2e-probe");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        channel.queueDeclare(queue, false, false, false, null);
        channel.queueBind(queue, exchange, routingKey);
    }

    /** Binds a probe in the platform's own virtual host. */
    static BrokerProbe bind(RunningPlatform platform, String exchange, String routingKey) throws IOException, TimeoutException {
        return new BrokerProbe(platform.virtualHost(), exchange, routingKey);
    }

    /** Waits for a message whose JSON body matches, and returns it. */
    JsonNode awaitMessage(Predicate<JsonNode> matching) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                seen.add(JSON.readTree(response.getBody()));
            }
            return seen.stream().filter(matching).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    @Override
    public void close() throws IOException, TimeoutException {
        channel.queueDelete(queue);
        connection.close();
    }
}
