package dev.kaimono.testsupport;

import java.net.InetSocketAddress;
import java.util.Map;

import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB endpoint: a real MongoDB in a container where Docker runs, otherwise mongo-java-server
 * (the MongoDB wire protocol, in memory) inside the test JVM. Every test context gets a fresh database.
 */
public final class MongoInfrastructure {

    private final String connectionString;

    private MongoInfrastructure(String connectionString) {
        this.connectionString = connectionString;
    }

    static MongoInfrastructure inProcess() {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::shutdownNow));
        return new MongoInfrastructure("mongodb://127.0.0.1:" + address.getPort());
    }

    static MongoInfrastructure inContainer() {
        MongoDBContainer container = new MongoDBContainer("mongo:7.0");
        container.start();
        return new MongoInfrastructure(container.getConnectionString());
    }

    /** The Spring properties that point a context at a database nobody else uses. */
    public Map<String, String> freshDatabaseProperties() {
        return Map.of("spring.mongodb.uri", uri(TestResourceNames.fresh()));
    }

    public String uri(String database) {
        return connectionString + "/" + database;
    }
}
