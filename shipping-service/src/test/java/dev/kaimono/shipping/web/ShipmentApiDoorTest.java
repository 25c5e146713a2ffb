package dev.kaimono.shipping.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.kaimono.runtime.security.ServiceSecurityAutoConfiguration;
import dev.kaimono.runtime.web.WebAutoConfiguration;
import dev.kaimono.shipping.application.CarrierProgress;
import dev.kaimono.shipping.application.ShipmentQueries;
import dev.kaimono.testsupport.TestJwks;

/**
 * The door of the shipments API, in a web slice (controllers, security, problem details; no database or
 * broker): a request refused at the door is answered with a problem and never reaches the application. When
 * user-service's key set cannot be fetched a token cannot be checked, which is a 503 with {@code Retry-After},
 * not a 500 or a 401.
 */
@WebMvcTest(controllers = {ShipmentController.class, ShipmentAdministrationController.class}, properties = {
        "kaimono.security.jwt.jwk-set-uri=http://127.0.0.1:9/.well-known/jwks.json",
        "logging.level.org.springframework.security=off"})
@ImportAutoConfiguration({ServiceSecurityAutoConfiguration.class, WebAutoConfiguration.class})
class ShipmentApiDoorTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ShipmentQueries queries;

    @MockitoBean
    CarrierProgress progress;

    @AfterEach
    void nothingReachedTheApplication() {
        verifyNoInteractions(queries, progress);
    }

    @Test
    void answersServiceUnavailableWithAProblemWhenTheKeySetIsUnreachable() throws Exception {
        mvc.perform(get("/api/shipments").param("orderId", UUID.randomUUID().toString())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void answersUnauthorizedWithAProblemWithoutAToken() throws Exception {
        mvc.perform(get("/api/shipments").param("orderId", UUID.randomUUID().toString()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void answersUnauthorizedWithAProblemForATokenThatIsNotAJwt() throws Exception {
        mvc.perform(get("/api/admin/shipping/shipments").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }
}
