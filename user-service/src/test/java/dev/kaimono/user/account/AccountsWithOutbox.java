package dev.kaimono.user.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.messaging.JdbcMessagingAutoConfiguration;
import dev.kaimono.messaging.MessagingAutoConfiguration;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * The accounts' use cases against their store and the outbox only (a JPA slice: no web server or security), with
 * their own database and vhost. Tests are not run in a transaction of their own: each use case commits, as it does
 * in the service. Test classes carrying it share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ImportAutoConfiguration({RabbitAutoConfiguration.class, MessagingAutoConfiguration.class, JdbcMessagingAutoConfiguration.class})
@Import({AccountService.class, AccountConfiguration.class})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
@interface AccountsWithOutbox {
}
