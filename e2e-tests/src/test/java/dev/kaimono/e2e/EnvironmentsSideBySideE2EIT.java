package dev.kaimono.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two environments on one machine, as when a developer's {@code ./platform up} runs while {@code ./mvnw verify}
 * starts the e2e platform: each has its own vhost, databases and Redis prefix, so neither ever handles the
 * other's messages. The environment beside the e2e platform runs the services that consume the saga's commands,
 * which would take a share of the e2e platform's commands if the two shared a vhost.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentsSideBySideE2EIT {

    private static final Map<String, Object> ADDRESS = Map.of("name", "Kai Mori", "line1", "4-5-6 Shibuya",
            "city", "Tokyo", "postalCode", "150-0002", "country", "JP");

    private RunningPlatform platform;
    private RunningPlatform beside;

    @BeforeAll
    void startAnotherEnvironmentBeside(RunningPlatform platform) {
        this.platform = platform;
        this.beside = RunningPlatform.startBeside("e2e-beside", 20000, "user-service", "inventory-service", "payment-service");
    }

    @AfterAll
    void stopIt() {
        if (beside != null) {
            beside.close();
        }
    }

    @Test
    void ordersOfOneEnvironmentAreNeverHandledByTheOther() {
        Gateway gateway = new Gateway(platform.gatewayUrl());
        String admin = Actors.adminToken(gateway);
        Actors.Shopper kai = Actors.newShopper(gateway, "Kai");
        String product = Actors.stockedProduct(gateway, admin, "Hojicha " + UUID.randomUUID(), "1200", 20);

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Gateway.Response placed = gateway.post("/api/orders", Map.of("lines", List.of(Map.of("productId", product,
                    "quantity", 1)), "shippingAddress", ADDRESS, "paymentMethod", "pm_card_visa"), kai.token());
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
            orders.add(placed.body().get("id").asString());
        }

        for (String order : orders) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/orders/" + order, kai.token()).body()
                    .path("status").asString(), status -> !status.equals("PENDING"));
            assertThat(gateway.get("/api/orders/" + order, kai.token()).body().path("status").asString())
                    .as("order %s", order).isEqualTo("CONFIRMED");
        }
        assertThat(platform.virtualHost()).isNotEqualTo(beside.virtualHost());
        assertThat(rows(beside, "kaimono_inventory", "inbox_event"))
                .as("messages the inventory-service beside handled").isZero();
        assertThat(rows(beside, "kaimono_payments", "inbox_event"))
                .as("messages the payment-service beside handled").isZero();
        assertThat(rows(platform, "kaimono_payments", "payment")).isGreaterThanOrEqualTo(orders.size());
    }

    @Test
    void aShoppersTokenOutlivesARestartOfUserService() throws IOException {
        Gateway users = new Gateway("http://127.0.0.1:" + beside.port("user-service"));
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        assertThat(users.post("/api/users", Map.of("email", email, "password", Actors.PASSWORD, "name", "Ren"), null)
                .status()).isEqualTo(201);
        Gateway.Response login = users.post("/api/auth/token", Map.of("email", email, "password", Actors.PASSWORD), null);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        String token = login.body().get("access_token").asString();

        Path key = beside.runDirectory().resolve("keys/signing-key.pem");
        assertThat(key).exists();
        assertThat(Files.getPosixFilePermissions(key))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        beside.stop("user-service");
        beside.startMissing();

        Gateway.Response me = users.get("/api/users/me", token);
        assertThat(me.status()).as("the token issued before the restart: %s", me.body()).isEqualTo(200);
        assertThat(me.body().get("email").asString()).isEqualTo(email);
    }

    @Test
    void stoppingOneServiceLeavesTheOthersKnownToThePlatform() throws IOException {
        long inventory = beside.process("inventory-service").pid();
        long users = beside.process("user-service").pid();

        beside.down("payment-service");

        assertThat(beside.runDirectory().resolve("pids/payment-service.pid")).doesNotExist();
        assertThat(beside.process("inventory-service").pid()).as("inventory-service still tracked").isEqualTo(inventory);
        assertThat(beside.process("user-service").pid()).as("user-service still tracked").isEqualTo(users);
        beside.startMissing();
        assertThat(beside.process("payment-service").isAlive()).isTrue();
        assertThat(beside.process("inventory-service").pid()).as("up left the running ones alone").isEqualTo(inventory);
    }

    @Test
    void servicesListenOnTheLoopbackAddressOnly() {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeThat(external).as("this machine has a non-loopback IPv4 address").isPresent();

        for (String service : List.of("gateway-service", "user-service", "order-service")) {
            assertThat(accepts("127.0.0.1", platform.port(service))).as("%s on 127.0.0.1", service).isTrue();
            assertThat(accepts(external.get().getHostAddress(), platform.port(service)))
                    .as("%s on %s", service, external.get()).isFalse();
            assertThat(accepts(external.get().getHostAddress(), platform.managementPort(service)))
                    .as("%s management on %s", service, external.get()).isFalse();
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(EnvironmentsSideBySideE2EIT::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static long rows(RunningPlatform environment, String database, String table) {
        try (Connection connection = environment.connect(database);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + table + " in " + database, e);
        }
    }
}
