package dev.kaimono.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
        for (WithInfrastructure.Service service : services) {
            switch (service) {
                case POSTGRES -> properties.putAll(Infrastructure.postgres().freshDatabaseProperties());
                case RABBITMQ -> properties.putAll(Infrastructure.rabbitMq().freshVirtualHostProperties());
                case REDIS -> properties.putAll(Infrastructure.redis().properties());
                case MONGODB -> properties.putAll(Infrastructure.mongoDb().freshDatabaseProperties());
            }
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("kaimono-test-infrastructure", properties));
    }
}
