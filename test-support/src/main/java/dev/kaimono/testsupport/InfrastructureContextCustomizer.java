package dev.kaimono.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points one test context at its own slice of the infrastructure. Equal customizers (same services)
 * let Spring reuse a cached context, and with it the database it was given.
 */
record InfrastructureContextCustomizer(Set<WithInfrastructure.Service> services) implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Runnable> cleanups = new ArrayList<>();
        for (WithInfrastructure.Service service : services) {
            switch (service) {
                case POSTGRES -> {
                    PostgresInfrastructure postgres = Infrastructure.postgres();
                    String database = postgres.createDatabase();
                    properties.putAll(postgres.propertiesFor(database));
                    cleanups.add(() -> postgres.dropDatabase(database));
                }
                case RABBITMQ -> {
                    RabbitMqInfrastructure rabbitMq = Infrastructure.rabbitMq();
                    String vhost = rabbitMq.createVirtualHost();
                    properties.putAll(rabbitMq.propertiesFor(vhost));
                    // Classic queues: a test broker hosting many contexts' vhosts stays light (production uses quorum).
                    properties.put("kaimono.messaging.quorum-queues", "false");
                    cleanups.add(() -> rabbitMq.deleteVirtualHost(vhost));
                }
                case REDIS -> properties.putAll(Infrastructure.redis().properties());
                case MONGODB -> properties.putAll(Infrastructure.mongoDb().freshDatabaseProperties());
            }
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("kaimono-test-infrastructure", properties));
        // Registered before any bean of the context, so it is destroyed after all of them: the database and
        // vhost go away once nothing uses them any more.
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans && !cleanups.isEmpty()) {
            beans.registerDisposableBean("kaimonoTestInfrastructureCleanup", () -> cleanups.forEach(InfrastructureContextCustomizer::quietly));
        }
    }

    private static void quietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            // Left behind: the next run drops it once it is stale.
        }
    }
}
