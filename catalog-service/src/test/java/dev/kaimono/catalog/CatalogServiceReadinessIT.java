package dev.kaimono.catalog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import dev.kaimono.testsupport.ServiceReadinessContract;
import dev.kaimono.testsupport.WithInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
class CatalogServiceReadinessIT extends ServiceReadinessContract {

    CatalogServiceReadinessIT() {
        super("mongo");
    }
}
