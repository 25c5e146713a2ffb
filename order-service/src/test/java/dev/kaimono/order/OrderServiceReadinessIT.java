package dev.kaimono.order;

import org.springframework.boot.test.context.SpringBootTest;

import dev.kaimono.testsupport.ServiceReadinessContract;
import dev.kaimono.testsupport.WithInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class OrderServiceReadinessIT extends ServiceReadinessContract {

    OrderServiceReadinessIT() {
        super("db");
    }
}
