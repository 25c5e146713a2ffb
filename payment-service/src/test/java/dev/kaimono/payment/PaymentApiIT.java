package dev.kaimono.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.payment.application.ChargeOrder;
import dev.kaimono.payment.application.PaymentCharging;
import dev.kaimono.payment.domain.CustomerId;
import dev.kaimono.payment.domain.Money;
import dev.kaimono.payment.domain.OrderId;
import dev.kaimono.testsupport.TestJwks;

/** {@code GET /api/payments?orderId=}: the owner and administrators see a payment, nobody else learns it exists (an empty list, as for no payment). */
class PaymentApiIT extends RunningPaymentService {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> PAYMENTS = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Autowired
    PaymentCharging charging;

    RestTestClient http;

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theShopperWhoPaidSeesTheirPayment() {
        UUID shopper = UUID.randomUUID();
        UUID orderId = paidOrder(shopper, "pm_card_visa");

        List<Map<String, Object>> payments = get(orderId, TestJwks.shared().token(shopper))
                .expectStatus().isOk()
                .expectBody(PAYMENTS).returnResult().getResponseBody();

        assertThat(payments).singleElement().satisfies(payment -> {
            assertThat(payment).containsOnlyKeys("id", "orderId", "status", "amount", "currency", "paymentMethod",
                    "failureReason", "createdAt", "refundedAt");
            assertThat(payment).containsEntry("orderId", orderId.toString())
                    .containsEntry("status", "COMPLETED")
                    .containsEntry("amount", "2560")
                    .containsEntry("currency", "JPY")
                    .containsEntry("paymentMethod", "pm_card_visa")
                    .containsEntry("failureReason", null)
                    .containsEntry("refundedAt", null);
            assertThat(payment.get("id")).isEqualTo(jdbc.sql("SELECT id::text FROM payment WHERE order_id = :orderId")
                    .param("orderId", orderId).query(String.class).single());
            assertThat((String) payment.get("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        });
    }

    @Test
    void aDeclinedPaymentShowsWhy() {
        UUID shopper = UUID.randomUUID();
        UUID orderId = paidOrder(shopper, "pm_card_chargeDeclined");

        get(orderId, TestJwks.shared().token(shopper)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].status").isEqualTo("FAILED")
                .jsonPath("$[0].failureReason").isEqualTo("card_declined");
    }

    @Test
    void anotherShopperGetsAnEmptyListAsIfThereWereNoPayment() {
        UUID orderId = paidOrder(UUID.randomUUID(), "pm_card_visa");
        String stranger = TestJwks.shared().token(UUID.randomUUID());

        assertThat(get(orderId, stranger).expectStatus().isOk().expectBody(PAYMENTS).returnResult().getResponseBody())
                .isEmpty();
        assertThat(get(UUID.randomUUID(), stranger).expectStatus().isOk().expectBody(PAYMENTS).returnResult()
                .getResponseBody()).isEmpty();
    }

    @Test
    void anAdministratorSeesAnyonesPayment() {
        UUID orderId = paidOrder(UUID.randomUUID(), "pm_card_visa");

        get(orderId, TestJwks.shared().token(UUID.randomUUID(), "ADMIN")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].orderId").isEqualTo(orderId.toString());
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        UUID orderId = paidOrder(UUID.randomUUID(), "pm_card_visa");

        http.get().uri("/api/payments?orderId={orderId}", orderId).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMalformedOrMissingOrderIdIsABadRequestNamingIt() {
        String token = TestJwks.shared().token(UUID.randomUUID());

        http.get().uri("/api/payments?orderId=not-a-uuid").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("orderId")
                .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
        http.get().uri("/api/payments").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("orderId")
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    private RestTestClient.ResponseSpec get(UUID orderId, String token) {
        return http.get().uri("/api/payments?orderId={orderId}", orderId).header("Authorization", "Bearer " + token).exchange();
    }

    private UUID paidOrder(UUID shopper, String paymentMethod) {
        UUID orderId = UUID.randomUUID();
        charging.charge(new ChargeOrder(new OrderId(orderId), new CustomerId(shopper), Money.of("2560", "JPY"), paymentMethod));
        return orderId;
    }
}
