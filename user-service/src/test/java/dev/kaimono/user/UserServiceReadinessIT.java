package dev.kaimono.user;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.kaimono.testsupport.ServiceReadinessContract;
import dev.kaimono.testsupport.WithInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("local")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class UserServiceReadinessIT extends ServiceReadinessContract {

    UserServiceReadinessIT() {
        super("db");
    }
}
