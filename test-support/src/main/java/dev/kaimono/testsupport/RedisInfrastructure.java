package dev.kaimono.testsupport;

import java.util.Map;

import org.testcontainers.containers.GenericContainer;

/**
 * A Redis server shared by all test contexts; each context gets a key prefix of its own (as each {@code ./platform}
 * environment does), so no two contexts, and no context and a running platform, share a rate-limit bucket.
 */
public record RedisInfrastructure(String host, int port) {

    static RedisInfrastructure local() {
        String host = Infrastructure.setting("REDIS_HOST", "127.0.0.1");
        int port = Infrastructure.setting("REDIS_PORT", 6379);
        Infrastructure.requireReachable("Redis", host, port,
                "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no");
        return new RedisInfrastructure(host, port);
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static RedisInfrastructure inContainer() {
        GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        return new RedisInfrastructure(container.getHost(), container.getMappedPort(6379));
    }

    /** Points a context at the server, with a fresh key prefix ({@code kaimono.gateway.rate-limit.key-prefix}). */
    public Map<String, String> properties() {
        return Map.of("spring.data.redis.host", host, "spring.data.redis.port", Integer.toString(port),
                "kaimono.gateway.rate-limit.key-prefix", TestResourceNames.fresh() + ":");
    }
}
