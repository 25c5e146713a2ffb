package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.api.inventory.v1.GetAvailabilityRequest;
import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.testsupport.TcpProxy;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * The service's database goes away under it (its connections cut by a proxy, as a restart of PostgreSQL or a
 * network fault does): a request is answered 503 with Retry-After (over gRPC UNAVAILABLE with the same kind and
 * wait, and the gRPC health service says NOT_SERVING), never 500, and the service answers again once the database
 * is back. Against the real PostgreSQL, through {@link TcpProxy}.
 */
@TestPropertySource(properties = "kaimono.grpc.health-interval=200ms")
class DatabaseOutageIT extends InventoryIntegrationTest {

    @Autowired
    TcpProxy database;

    @AfterEach
    void databaseBack() {
        database.restore();
    }

    @Test
    void aLostDatabaseIsA503WithRetryAfterAndTheServiceRecovers() throws Exception {
        ProductId product = stocked(4);
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        http.get().uri("/api/inventory/{id}", product.value()).exchange().expectStatus().isOk();

        database.cut();

        http.get().uri("/api/inventory/{id}", product.value()).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Database unavailable");
        StatusRuntimeException overGrpc = catchThrowableOfType(StatusRuntimeException.class, () -> availabilityOverGrpc(product));
        assertThat(overGrpc.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(StockLookupIT.detail(overGrpc, ErrorInfo.class).getReason()).isEqualTo("database-unavailable");
        assertThat(StockLookupIT.detail(overGrpc, RetryInfo.class).getRetryDelay().getSeconds()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(this::grpcHealth, ServingStatus.NOT_SERVING::equals);

        database.restore();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/inventory/{id}", product.value()).exchange().expectStatus().isOk());
        await().atMost(Duration.ofSeconds(30)).until(this::grpcHealth, ServingStatus.SERVING::equals);
    }

    /** What {@code grpc.health.v1.Health} says of StockLookup: it follows the readiness group, the database in it. */
    private ServingStatus grpcHealth() {
        return HealthGrpc.newBlockingStub(grpc()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(StockLookupGrpc.SERVICE_NAME).build()).getStatus();
    }

    private Availability availabilityOverGrpc(ProductId product) {
        return StockLookupGrpc.newBlockingStub(grpc()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getAvailability(GetAvailabilityRequest.newBuilder().setProductId(product.toString()).build());
    }

    /** Sends the service's connections to PostgreSQL through a proxy the test can cut. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DatabaseBehindAProxy {

        @Bean
        static TcpProxy databaseProxy(Environment environment) {
            URI url = URI.create(environment.getRequiredProperty("spring.datasource.url").substring("jdbc:".length()));
            return new TcpProxy(url.getHost(), url.getPort());
        }

        @Bean
        static BeanPostProcessor dataSourceThroughTheProxy(ObjectProvider<TcpProxy> proxy) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof HikariDataSource dataSource) {
                        URI url = URI.create(dataSource.getJdbcUrl().substring("jdbc:".length()));
                        TcpProxy through = proxy.getObject();
                        dataSource.setJdbcUrl("jdbc:postgresql://" + through.host() + ":" + through.port() + url.getRawPath()
                                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
                        // Fail fast while the database is away instead of after the pool's 5 s connection timeout.
                        dataSource.setConnectionTimeout(1000);
                    }
                    return bean;
                }
            };
        }
    }
}
