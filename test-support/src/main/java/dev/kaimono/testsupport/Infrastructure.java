package dev.kaimono.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.testcontainers.DockerClientFactory;

/**
 * Where the infrastructure of integration tests comes from, decided once per JVM.
 *
 * <p>With a Docker engine (a {@code DOCKER_HOST} or a Docker socket that answers) each service is a
 * Testcontainers container. Without one, the local services are used; their addresses can be
 * changed with {@code KAIMONO_TEST_POSTGRES_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD},
 * {@code KAIMONO_TEST_RABBITMQ_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD}/{@code _MANAGEMENT_PORT},
 * {@code KAIMONO_TEST_REDIS_HOST}/{@code _PORT}. {@code KAIMONO_TEST_DOCKER=false} forces the local
 * services even where Docker runs. MongoDB falls back to mongo-java-server inside the test JVM.
 */
public final class Infrastructure {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final boolean DOCKER = detectDocker();

    private static PostgresInfrastructure postgres;
    private static RabbitMqInfrastructure rabbitMq;
    private static RedisInfrastructure redis;
    private static MongoInfrastructure mongoDb;

    private Infrastructure() {
    }

    /** Whether the tests of this JVM run their infrastructure in Docker containers. */
    public static boolean usesDocker() {
        return DOCKER;
    }

    public static synchronized PostgresInfrastructure postgres() {
        if (postgres == null) {
            postgres = DOCKER ? PostgresInfrastructure.inContainer() : PostgresInfrastructure.local();
        }
        return postgres;
    }

    public static synchronized RabbitMqInfrastructure rabbitMq() {
        if (rabbitMq == null) {
            rabbitMq = DOCKER ? RabbitMqInfrastructure.inContainer() : RabbitMqInfrastructure.local();
        }
        return rabbitMq;
    }

    public static synchronized RedisInfrastructure redis() {
        if (redis == null) {
            redis = DOCKER ? RedisInfrastructure.inContainer() : RedisInfrastructure.local();
        }
        return redis;
    }

    public static synchronized MongoInfrastructure mongoDb() {
        if (mongoDb == null) {
            mongoDb = DOCKER ? MongoInfrastructure.inContainer() : MongoInfrastructure.inProcess();
        }
        return mongoDb;
    }

    static String setting(String name, String defaultValue) {
        return Optional.ofNullable(System.getenv("KAIMONO_TEST_" + name)).filter(v -> !v.isBlank()).orElse(defaultValue);
    }

    static int setting(String name, int defaultValue) {
        return Integer.parseInt(setting(name, Integer.toString(defaultValue)));
    }

    /** Fails with a message that says what to start when a local service does not answer. */
    static void requireReachable(String what, String host, int port, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            throw new IllegalStateException(("%s is not reachable at %s:%d and no Docker engine was found for "
                    + "Testcontainers. Start it (%s), or point KAIMONO_TEST_%s_HOST/_PORT at a running one.")
                    .formatted(what, host, port, howToStart, what.toUpperCase().replace(" ", "")), e);
        }
    }

    private static boolean detectDocker() {
        String forced = System.getenv("KAIMONO_TEST_DOCKER");
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced) && DockerClientFactory.instance().isDockerAvailable();
        }
        boolean hinted = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        return hinted && DockerClientFactory.instance().isDockerAvailable();
    }
}
