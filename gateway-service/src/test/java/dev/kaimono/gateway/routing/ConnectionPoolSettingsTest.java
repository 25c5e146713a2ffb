package dev.kaimono.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The gateway's shipped settings drop an idle connection to a service well before the service's own keep-alive
 * timeout closes it (ADR 0035); IdleConnectionsIT shows that the pools honour the setting.
 */
class ConnectionPoolSettingsTest {

    private static final String POOL = "spring.cloud.gateway.server.webflux.httpclient.pool.";

    @Test
    void closesIdleConnectionsWellBeforeTheServicesDo() throws IOException {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties gateway = yaml.getObject();
        Properties services = PropertiesLoaderUtils.loadProperties(new ClassPathResource("kaimono/service-defaults.properties"));

        Duration maxIdle = DurationStyle.detectAndParse(gateway.getProperty(POOL + "max-idle-time"));
        Duration eviction = DurationStyle.detectAndParse(gateway.getProperty(POOL + "eviction-interval"));
        Duration keepAlive = DurationStyle.detectAndParse(services.getProperty("server.tomcat.keep-alive-timeout"));

        assertThat(eviction).as("eviction interval").isPositive();
        assertThat(maxIdle.plus(eviction)).as("longest time a connection stays idle in the gateway's pools")
                .isLessThanOrEqualTo(keepAlive.dividedBy(2));
    }
}
