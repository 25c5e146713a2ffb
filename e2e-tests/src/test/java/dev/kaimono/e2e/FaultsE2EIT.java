package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.kaimono.load.books.AcceptedOrdersFile;
import dev.kaimono.load.books.BooksCheck;
import dev.kaimono.load.books.BooksReport;
import dev.kaimono.load.books.BooksSettings;
import dev.kaimono.load.books.InitialStockFile;
import dev.kaimono.load.books.Invariant;
import dev.kaimono.load.books.Verdict;
import dev.kaimono.load.faults.BrokerConnections;
import dev.kaimono.load.faults.Duplicator;

/**
 * The fault suite's short version inside {@code verify} (issue 13; the long one is {@code tools/fault-suite}):
 * orders placed while every queue delivers a share of its messages twice, and while a storm of malformed messages
 * sits on order-service's busy queue, each followed by the books check of the load test. Kills of order-service
 * and payment-service mid-flight are in {@link OrderingE2EIT}.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsE2EIT {

    /** Every queue a service consumes from (the topology of docs/adr/0006). */
    private static final List<String> LIVE_QUEUES = List.of("order-service.events", "inventory-service.commands",
            "inventory-service.events", "payment-service.commands", "payment-service.events", "shipping-service.events");
    private static final String BUSY_QUEUE = "order-service.events";
    private static final int POISON = 200;
    private static final int INITIAL_STOCK = 100;
    private static final Map<String, Object> ADDRESS = Map.of("name", "Kai Sato", "line1", "7-8-9 Umeda", "city", "Osaka",
            "postalCode", "530-0001", "country", "JP");

    private RunningPlatform platform;
    private Gateway gateway;
    private Actors.Shopper kai;
    private String adminToken;

    @BeforeAll
    void aShopper(RunningPlatform platform) {
        this.platform = platform;
        this.gateway = new Gateway(platform.gatewayUrl());
        this.adminToken = Actors.adminToken(gateway);
        this.kai = Actors.newShopper(gateway, "Kai");
    }

    @Test
    void ordersPlacedWhileEveryQueueDeliversTwiceLeaveBalancedBooks(@TempDir Path runFiles) throws Exception {
        UUID matcha = product("Faults Matcha ");
        Path accepted = runFiles.resolve("accepted-orders.csv");
        Map<String, Long> doubled;
        try (Duplicator duplicator = Duplicator.start(platform.virtualHost(), LIVE_QUEUES);
             AcceptedOrdersFile.Writer orders = AcceptedOrdersFile.create(accepted)) {
            for (int i = 0; i < 12; i++) {
                orders.write(place(matcha, 1 + i % 2, i % 4 == 3 ? "pm_card_chargeDeclined" : "pm_card_visa"),
                        Instant.now(), Map.of(matcha, 1 + i % 2));
            }
            BooksReport whileDoubling = check(settings(accepted, matcha, runFiles), Map.of());
            assertThat(whileDoubling.verdicts()).as(whileDoubling.render()).extracting(Verdict::outcome)
                    .containsOnly(Verdict.Outcome.PASS);
            doubled = duplicator.doubled();
        }

        assertThat(doubled.values().stream().mapToLong(Long::longValue).sum()).as("messages delivered twice: %s", doubled)
                .isPositive();
        BooksReport report = check(settings(accepted, matcha, runFiles), Map.of());
        assertThat(report.verdicts()).as(report.render()).extracting(Verdict::outcome).containsOnly(Verdict.Outcome.PASS);
    }

    @Test
    void aPoisonStormLandsExactlyInTheDeadLetterQueueAndOrdersStillSettle(@TempDir Path runFiles) throws Exception {
        UUID hojicha = product("Faults Hojicha ");
        Path accepted = runFiles.resolve("accepted-orders.csv");
        try (Connection connection = BrokerConnections.to(platform.virtualHost()).newConnection("e2e-poison");
             Channel channel = connection.createChannel()) {
            try {
                channel.confirmSelect();
                for (int n = 0; n < POISON; n++) {
                    AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                            .messageId(UUID.randomUUID().toString()).deliveryMode(2).build();
                    channel.basicPublish("", BUSY_QUEUE, true, properties,
                            ("{\"eventType\": \"poison\", \"data\": {" + n).getBytes(StandardCharsets.UTF_8));
                }
                channel.waitForConfirmsOrDie(10_000);
                try (AcceptedOrdersFile.Writer orders = AcceptedOrdersFile.create(accepted)) {
                    for (int i = 0; i < 4; i++) {
                        orders.write(place(hojicha, 1, "pm_card_visa"), Instant.now(), Map.of(hojicha, 1));
                    }
                }

                BooksReport report = check(settings(accepted, hojicha, runFiles), Map.of(BUSY_QUEUE + ".dlq", (long) POISON));

                assertThat(report.verdicts()).as(report.render()).extracting(Verdict::outcome)
                        .containsOnly(Verdict.Outcome.PASS);
                assertThat(report.verdict(Invariant.ORDERS_SETTLED).detail())
                        .startsWith("4 orders accepted: 4 confirmed or later");
            } finally {
                // The planted poison is garbage: later classes' books must start from no dead letters.
                channel.queuePurge(BUSY_QUEUE + ".dlq");
            }
        }
    }

    private UUID product(String name) {
        return UUID.fromString(Actors.stockedProduct(gateway, adminToken, name + UUID.randomUUID(), "900", INITIAL_STOCK));
    }

    private UUID place(UUID productId, int quantity, String paymentMethod) {
        return Actors.placeOrder(gateway, kai, productId, quantity, paymentMethod, ADDRESS);
    }

    private BooksSettings settings(Path accepted, UUID product, Path runFiles) {
        Path products = runFiles.resolve("products.csv");
        InitialStockFile.write(products, Map.of(product, INITIAL_STOCK));
        return BooksSettings.fromEnvironment()
                .withEnvironment(platform.setting("KAIMONO_DB_SUFFIX"), platform.virtualHost(), platform.catalogStore())
                .withSettleTimeout(Duration.ofSeconds(90))
                .withFiles(Optional.of(accepted), Optional.of(products));
    }

    private static BooksReport check(BooksSettings settings, Map<String, Long> planted) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        return BooksCheck.run(settings, planted, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
}
