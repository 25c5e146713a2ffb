package dev.kaimono.catalog.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Local runs without a MongoDB server: catalog starts mongo-java-server (the MongoDB wire protocol,
 * in memory) inside its own JVM and connects to it over a real socket. Active only when
 * {@code kaimono.catalog.embedded-mongo=true} (the {@code local} profile) and {@code MONGODB_URI} is
 * not set; docker-compose and Kubernetes always use a real MongoDB. See docs/adr/0004. It binds a random loopback
 * port unless {@code kaimono.catalog.embedded-mongo-port} names one: then further catalog instances on this
 * machine share the store through {@code MONGODB_URI} ({@code ./platform} with {@code KAIMONO_INSTANCES}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.WhenNoMongoDbUri.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${kaimono.catalog.embedded-mongo-port:0}") int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        InetSocketAddress address = server.getLocalAddress();
        log.warn("MONGODB_URI is not set: catalog runs on an embedded in-memory mongo-java-server at {}:{}; "
                + "products are lost when catalog-service stops", address.getHostString(), address.getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connectionString =
                new ConnectionString("mongodb://%s:%d/kaimono_catalog".formatted(address.getHostString(), address.getPort()));
        return () -> connectionString;
    }

    static class WhenNoMongoDbUri implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            String uri = environment.getProperty("MONGODB_URI", "");
            return environment.getProperty("kaimono.catalog.embedded-mongo", Boolean.class, false) && uri.isBlank();
        }
    }
}
