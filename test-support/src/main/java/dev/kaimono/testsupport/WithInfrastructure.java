package dev.kaimono.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Connects the Spring test context of the annotated class to real infrastructure. Each context gets
 * a fresh PostgreSQL database and a fresh RabbitMQ vhost, so tests never see each other's data;
 * Redis is shared and MongoDB gets a fresh database name.
 *
 * <p>With a Docker engine the services run in Testcontainers (started once per JVM); without one,
 * the local services on 127.0.0.1 are used (overridable through {@code KAIMONO_TEST_*} environment
 * variables, see {@link Infrastructure}). The test code is the same either way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithInfrastructure {

    /** The stores and brokers the application under test connects to. */
    Service[] value();

    /** A piece of infrastructure a service depends on. */
    enum Service {
        POSTGRES, RABBITMQ, REDIS, MONGODB
    }
}
