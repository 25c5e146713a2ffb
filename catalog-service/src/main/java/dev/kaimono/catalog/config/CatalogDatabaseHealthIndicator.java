package dev.kaimono.catalog.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The {@code mongo} health component (part of readiness): catalog can reach its own database. It
 * replaces Boot's indicator, which sends {@code hello} to every database on the server: that needs
 * rights on databases that are not catalog's, and mongo-java-server does not implement {@code hello}
 * (catalog would never be ready on it once its database exists). {@code ping} works on both.
 */
class CatalogDatabaseHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    CatalogDatabaseHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
