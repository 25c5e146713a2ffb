package dev.kaimono.payment;

import org.springframework.boot.test.context.SpringBootTest;

import dev.kaimono.testsupport.ServiceReadinessContract;
import dev.kaimono.testsupport.WithInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
class PaymentServiceReadinessIT extends ServiceReadinessContract {

    PaymentServiceReadinessIT() {
        super("db");
    }
}
