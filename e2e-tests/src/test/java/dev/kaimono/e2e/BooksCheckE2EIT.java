package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.kaimono.load.books.AcceptedOrdersFile;
import dev.kaimono.load.books.BooksCheck;
import dev.kaimono.load.books.BooksReport;
import dev.kaimono.load.books.BooksSettings;
import dev.kaimono.load.books.InitialStockFile;
import dev.kaimono.load.books.Invariant;
import dev.kaimono.load.books.Verdict;

/**
 * The books check (load-tests) against the running platform: after a confirmed and a declined order it finds the
 * books balanced; with one imbalance planted straight into a service's database — a stock row one unit short, a
 * capture larger than its order — the matching invariant fails and so does the check. Each plant is undone at once,
 * so later classes see the books as the platform left them.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BooksCheckE2EIT {

    private static final int INITIAL_STOCK = 20;
    private static final Map<String, Object> ADDRESS = Map.of("name", "Bea Ito", "line1", "4-5-6 Sakae", "city", "Nagoya",
            "postalCode", "460-0008", "country", "JP");

    private RunningPlatform platform;
    private BooksSettings settings;
    private UUID sencha;
    private UUID confirmedOrder;

    @BeforeAll
    void aConfirmedAndADeclinedOrder(RunningPlatform platform, @TempDir Path runFiles) {
        this.platform = platform;
        Gateway gateway = new Gateway(platform.gatewayUrl());
        Actors.Shopper bea = Actors.newShopper(gateway, "Bea");
        sencha = UUID.fromString(Actors.stockedProduct(gateway, Actors.adminToken(gateway), "Books Sencha " + UUID.randomUUID(),
                "1500", INITIAL_STOCK));
        Path accepted = runFiles.resolve("accepted-orders.csv");
        try (AcceptedOrdersFile.Writer orders = AcceptedOrdersFile.create(accepted)) {
            confirmedOrder = place(gateway, bea, 2, "pm_card_visa");
            orders.write(confirmedOrder, Instant.now(), Map.of(sencha, 2));
            orders.write(place(gateway, bea, 1, "pm_card_chargeDeclined"), Instant.now(), Map.of(sencha, 1));
        }
        Path products = runFiles.resolve("products.csv");
        InitialStockFile.write(products, Map.of(sencha, INITIAL_STOCK));
        settings = BooksSettings.fromEnvironment()
                .withEnvironment(platform.setting("KAIMONO_DB_SUFFIX"), platform.virtualHost(), platform.catalogStore())
                .withSettleTimeout(Duration.ofSeconds(60))
                .withFiles(Optional.of(accepted), Optional.of(products));
    }

    @Test
    @Order(1)
    void settledOrdersLeaveBalancedBooks() {
        BooksReport report = check(settings);

        assertThat(report.verdicts()).as(report.render()).extracting(Verdict::outcome).containsOnly(Verdict.Outcome.PASS);
        assertThat(report.exitCode()).isZero();
        assertThat(report.verdict(Invariant.ORDERS_SETTLED).detail()).startsWith("2 orders accepted: 1 confirmed or later, 1 cancelled");
        assertThat(report.verdict(Invariant.STOCK_BALANCED).detail()).isEqualTo("1 products: initial 20 − on hand 18 = 2 units in kept orders");
    }

    // A plant is not motion: each check below still waits (up to 60 s) for whatever else the shared e2e platform has
    // in flight — a CI run once saw an event reach shipping-service's queue just after the first check — and then
    // judges the planted books.
    @Test
    @Order(2)
    void aStockRowOneUnitShortFailsTheStockBalance() throws SQLException {
        BooksReport report;
        adjust("kaimono_inventory", "UPDATE stock_item SET on_hand = on_hand + ? WHERE product_id = ?", -1, sencha);
        try {
            report = check(settings);
        } finally {
            adjust("kaimono_inventory", "UPDATE stock_item SET on_hand = on_hand + ? WHERE product_id = ?", 1, sencha);
        }

        assertThat(report.verdict(Invariant.STOCK_BALANCED).outcome()).as(report.render()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(report.verdict(Invariant.STOCK_BALANCED).detail()).contains("initial 20 − on hand 17 = 3, but kept orders took 2");
        assertThat(failed(report)).containsExactly(Invariant.STOCK_BALANCED);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aCaptureLargerThanItsOrderFailsTheMoneyBalance() throws SQLException {
        BooksReport report;
        adjust("kaimono_payments", "UPDATE payment SET amount = amount + ? WHERE order_id = ?", 100, confirmedOrder);
        try {
            report = check(settings);
        } finally {
            adjust("kaimono_payments", "UPDATE payment SET amount = amount + ? WHERE order_id = ?", -100, confirmedOrder);
        }

        assertThat(failed(report)).as(report.render()).containsExactly(Invariant.MONEY_BALANCED, Invariant.CHARGED_ONCE);
        assertThat(report.verdict(Invariant.CHARGED_ONCE).detail())
                .contains("kept order %s totals 3000 JPY, captured 3100 JPY".formatted(confirmedOrder));
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theBooksBalanceAgainOnceThePlantsAreUndone() {
        assertThat(check(settings).balanced()).isTrue();
    }

    private UUID place(Gateway gateway, Actors.Shopper shopper, int quantity, String paymentMethod) {
        return Actors.placeOrder(gateway, shopper, sencha, quantity, paymentMethod, ADDRESS);
    }

    private static BooksReport check(BooksSettings settings) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BooksReport report = BooksCheck.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(report.render());
        return report;
    }

    private static List<Invariant> failed(BooksReport report) {
        return report.verdicts().stream().filter(verdict -> verdict.outcome() == Verdict.Outcome.FAIL).map(Verdict::invariant).toList();
    }

    /** Changes one row of a service's database directly, as a bug or an operator's slip would. */
    private void adjust(String database, String sql, int delta, UUID id) throws SQLException {
        try (Connection connection = platform.connect(database);
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, delta);
            update.setObject(2, id);
            assertThat(update.executeUpdate()).as("rows changed by %s", sql).isEqualTo(1);
        }
    }
}
