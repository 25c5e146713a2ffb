package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/**
 * {@code grpc.health.v1.Health} on the gRPC port, over a real HTTP/2 connection and without a token: it follows the
 * service's readiness (a database outage is {@code DatabaseOutageIT}'s).
 */
class GrpcHealthIT extends InventoryIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theServerAndStockLookupServeWhileTheServiceIsReady() {
        assertThat(check("")).isEqualTo(ServingStatus.SERVING);
        assertThat(check(StockLookupGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void aServiceTheServerDoesNotHaveIsNotFound() {
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> check("kaimono.inventory.v1.NoSuchService"));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aServiceRefusingTrafficIsNotServingUntilItAcceptsAgain() {
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

            assertThat(check("")).isEqualTo(ServingStatus.NOT_SERVING);
            assertThat(check(StockLookupGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.NOT_SERVING);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(check(StockLookupGrpc.SERVICE_NAME)).isEqualTo(ServingStatus.SERVING);
    }

    private ServingStatus check(String service) {
        return HealthGrpc.newBlockingStub(grpc()).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }
}
