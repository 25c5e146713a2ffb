package dev.kaimono.inventory.grpc;

import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Status;

import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * The standard gRPC health service ({@code grpc.health.v1.Health}) beside StockLookup, for what checks a gRPC
 * server the gRPC way (load balancers, {@code grpc-health-probe}, Kubernetes' {@code grpc} probes, clients'
 * health checking): the server and StockLookup are {@code SERVING} while the service's readiness group (its
 * readiness state and its database, as {@code /actuator/health/readiness} on the management port) is UP,
 * {@code NOT_SERVING} otherwise, and {@code NOT_SERVING} for good once the server stops. Asked without a token,
 * like the probes on the management port; it says no more than they do.
 */
final class GrpcHealth {

    private final HealthStatusManager statuses = new HealthStatusManager();
    private final Supplier<Status> readiness;

    /** Not serving until a refresh finds the service ready (it is not while the server starts). */
    GrpcHealth(Supplier<Status> readiness) {
        this.readiness = readiness;
        serve(ServingStatus.NOT_SERVING);
    }

    /** Takes the readiness group's status again (a {@code PeriodicWorker} task: always 0, nothing batched). */
    int refresh() {
        serve(Status.UP.equals(readiness.get()) ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
        return 0;
    }

    private void serve(ServingStatus serving) {
        statuses.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, serving);
        statuses.setStatus(StockLookupGrpc.SERVICE_NAME, serving);
    }

    BindableService service() {
        return statuses.getHealthService();
    }

    /** Every service {@code NOT_SERVING} from now on, whatever a later refresh finds: the server is stopping. */
    void stop() {
        statuses.enterTerminalState();
    }
}
