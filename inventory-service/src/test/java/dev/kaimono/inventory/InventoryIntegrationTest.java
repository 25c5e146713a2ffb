package dev.kaimono.inventory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.inventory.application.Availability;
import dev.kaimono.inventory.application.AvailabilityQueries;
import dev.kaimono.inventory.application.ReservationService;
import dev.kaimono.inventory.application.Reservations;
import dev.kaimono.inventory.application.StockAdministration;
import dev.kaimono.inventory.domain.OrderId;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.Reservation;
import dev.kaimono.inventory.domain.ReservationLine;
import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * inventory-service as it runs, on a fresh PostgreSQL database and RabbitMQ vhost, accepting tokens of
 * {@link TestJwks}. Test classes that add no configuration of their own share one application (and one
 * database), so every test works on products and orders of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "kaimono.messaging.consumer.initial-interval=10ms"})
@WithInfrastructure({WithInfrastructure.Service.POSTGRES, WithInfrastructure.Service.RABBITMQ})
@Import(Broker.class)
abstract class InventoryIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected StockAdministration stockAdministration;

    @Autowired
    protected AvailabilityQueries availability;

    @Autowired
    protected ReservationService reservationService;

    @Autowired
    protected Reservations reservations;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected Broker broker;

    @Value("${local.grpc.port}")
    protected int grpcPort;

    private ManagedChannel grpcChannel;

    @DynamicPropertySource
    static void acceptTestTokens(DynamicPropertyRegistry registry) {
        registry.add("kaimono.security.jwt.jwk-set-uri", () -> TestJwks.shared().uri());
    }

    /** A plaintext HTTP/2 channel to the service's gRPC port, opened on first use and closed after the test. */
    protected ManagedChannel grpc() {
        if (grpcChannel == null) {
            grpcChannel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        }
        return grpcChannel;
    }

    @AfterEach
    void closeGrpcChannel() throws InterruptedException {
        if (grpcChannel != null) {
            grpcChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            grpcChannel = null;
        }
    }

    /** A product nobody has heard of, stocked with {@code onHand} units by an administrator. */
    protected ProductId stocked(int onHand) {
        ProductId product = new ProductId(UUID.randomUUID());
        stockAdministration.count(product, onHand);
        return product;
    }

    protected Availability availabilityOf(ProductId product) {
        return availability.of(product);
    }

    protected static OrderId anOrder() {
        return new OrderId(UUID.randomUUID());
    }

    protected static List<ReservationLine> oneOf(ProductId product, int quantity) {
        return List.of(new ReservationLine(product, quantity));
    }

    protected Reservation.Status statusOf(OrderId order) {
        return reservations.find(order).map(Reservation::status).orElse(null);
    }
}
