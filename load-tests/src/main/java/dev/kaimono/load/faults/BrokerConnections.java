package dev.kaimono.load.faults;

import com.rabbitmq.client.ConnectionFactory;

/** Connections to the environment's RabbitMQ for fault tools and tests, from the variables the services read. */
public final class BrokerConnections {

    private BrokerConnections() {
    }

    /**
     * A factory for one virtual host: {@code RABBITMQ_HOST} / {@code _PORT} / {@code _USER} / {@code _PASSWORD},
     * by default the local broker as guest.
     */
    public static ConnectionFactory to(String virtualHost) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(virtualHost);
        return factory;
    }
}
