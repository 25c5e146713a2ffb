package dev.kaimono.testsupport;

import java.util.Map;

import org.testcontainers.containers.GenericContainer;

/** A Redis server shared by all test contexts; tests isolate themselves through their keys. */
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

    public Map<String, String> properties() {
        return Map.of("spring.data.redis.host", host, "spring.data.redis.port", Integer.toString(port));
    }
}
