package dev.kaimono.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.api.inventory.v1.GetAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityResponse;
import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import dev.kaimono.api.inventory.v1.StockLookupMetadata;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * A stand-in for inventory-service's gRPC API on a random local port, answering each product by a rule of its
 * own ({@link StubServices}' products, and a few more) and keeping the metadata of every call it received.
 * An administrator is whoever sends a bearer token whose roles name ADMIN (read, not verified: the gateway has
 * verified it); everyone else sees what can be ordered only.
 */
final class StubStockLookup {

    /** A product that inventory answers INVALID_ARGUMENT, naming {@code product_id}. */
    static final String REFUSED_PRODUCT = "400400aa-0000-4000-8000-000000000000";
    /** A product whose lookup finds inventory's database unreachable (UNAVAILABLE with its problem kind). */
    static final String DATABASE_DOWN_PRODUCT = "503503aa-0000-4000-8000-000000000000";
    /** A product whose lookup fails inside inventory (INTERNAL). */
    static final String FAILING_PRODUCT = "500500aa-0000-4000-8000-000000000000";
    /** A product inventory answers UNAUTHENTICATED for. */
    static final String UNAUTHENTICATED_PRODUCT = "401401aa-0000-4000-8000-000000000000";

    static final int ON_HAND = 9;
    static final int RESERVED = 2;

    private static final Context.Key<Metadata> HEADERS = Context.key("headers");

    private final Queue<Metadata> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch neverReleased = new CountDownLatch(1);
    private final Server server;

    private StubStockLookup() {
        ServerInterceptor keepHeaders = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
                    io.grpc.ServerCallHandler<Q, R> next) {
                received.add(headers);
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .addService(ServerInterceptors.intercept(new Endpoint(), keepHeaders))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StubStockLookup start() {
        return new StubStockLookup();
    }

    /** {@code host:port} of the stand-in. */
    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    /** The metadata of every call received, oldest first. */
    List<Metadata> received() {
        return List.copyOf(received);
    }

    private final class Endpoint extends StockLookupGrpc.StockLookupImplBase {

        @Override
        public void getAvailability(GetAvailabilityRequest request, StreamObserver<Availability> answer) {
            String product = request.getProductId();
            Status failure = switch (product) {
                case StubServices.MISSING_PRODUCT -> status(Code.NOT_FOUND, "Inventory keeps no stock for product " + product,
                        problem("product-not-found", "Product not found"));
                case REFUSED_PRODUCT -> status(Code.INVALID_ARGUMENT, "Invalid request", Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("product_id")
                                .setDescription("is not sold here"))
                        .build()));
                case DATABASE_DOWN_PRODUCT -> status(Code.UNAVAILABLE, "The service cannot reach its database right now",
                        problem("database-unavailable", "Database unavailable"),
                        Any.pack(RetryInfo.newBuilder().setRetryDelay(Duration.newBuilder().setSeconds(5)).build()));
                case FAILING_PRODUCT -> status(Code.INTERNAL, "inventory-service could not handle this call");
                case UNAUTHENTICATED_PRODUCT -> status(Code.UNAUTHENTICATED, "The access token is invalid or expired");
                default -> null;
            };
            if (failure != null) {
                answer.onError(StatusProto.toStatusRuntimeException(failure));
                return;
            }
            if (product.equals(StubServices.STALLED_STOCK_PRODUCT)) {
                awaitQuietly();
            }
            answer.onNext(availability(product));
            answer.onCompleted();
        }

        @Override
        public void listAvailability(ListAvailabilityRequest request, StreamObserver<ListAvailabilityResponse> answer) {
            ListAvailabilityResponse.Builder response = ListAvailabilityResponse.newBuilder();
            request.getIdsList().stream().distinct().filter(id -> !id.equals(StubServices.MISSING_PRODUCT))
                    .forEach(id -> response.addAvailability(availability(id)));
            answer.onNext(response.build());
            answer.onCompleted();
        }
    }

    private static Availability availability(String product) {
        Availability.Builder availability = Availability.newBuilder().setProductId(product).setAvailable(StubServices.AVAILABLE);
        if (administrator(HEADERS.get().get(StockLookupMetadata.AUTHORIZATION))) {
            availability.setOnHand(ON_HAND).setReserved(RESERVED);
        }
        return availability.build();
    }

    private static boolean administrator(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        return parts.length == 3 && new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .matches("(?s).*\"roles\":\\[[^\\]]*\"ADMIN\".*");
    }

    private static Any problem(String kind, String title) {
        return Any.pack(ErrorInfo.newBuilder().setReason(kind).setDomain("kaimono.dev").putMetadata("title", title).build());
    }

    private static Status status(Code code, String message, Any... details) {
        return Status.newBuilder().setCode(code.getNumber()).setMessage(message).addAllDetails(List.of(details)).build();
    }

    private void awaitQuietly() {
        try {
            neverReleased.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
