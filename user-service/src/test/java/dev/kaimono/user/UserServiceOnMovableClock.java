package dev.kaimono.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.kaimono.testsupport.MovableClock;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * user-service on a random port with its own database and vhost, on a {@link MovableClock}. Test classes
 * carrying it share one context (and the clock), so each works with accounts and emails of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("local")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
@Import(MovableClock.InContext.class)
public @interface UserServiceOnMovableClock {
}
