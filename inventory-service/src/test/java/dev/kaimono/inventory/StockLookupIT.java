package dev.kaimono.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.api.inventory.v1.GetAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityRequest;
import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import dev.kaimono.api.inventory.v1.StockLookupMetadata;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.testsupport.TestJwks;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;

/**
 * {@code kaimono.inventory.v1.StockLookup} over a real HTTP/2 connection to the running service: what the REST
 * API answers, to whom, and its problems as status details (ADR 0032).
 */
class StockLookupIT extends InventoryIntegrationTest {

    @Test
    void anyoneLearnsWhatCanBeOrderedAndOnlyAnAdministratorStockOnHandAndReserved() {
        ProductId product = stocked(7);
        reservationService.reserve(anOrder(), oneOf(product, 2));

        assertThat(get(product.toString(), null)).isEqualTo(Availability.newBuilder()
                .setProductId(product.toString()).setAvailable(5).build());
        assertThat(get(product.toString(), TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER"))).isEqualTo(
                Availability.newBuilder().setProductId(product.toString()).setAvailable(5).build());
        assertThat(get(product.toString(), TestJwks.shared().token(UUID.randomUUID(), "CUSTOMER", "ADMIN"))).isEqualTo(
                Availability.newBuilder().setProductId(product.toString()).setAvailable(5).setOnHand(7).setReserved(2).build());
    }

    @Test
    void anInvalidTokenIsUnauthenticatedRatherThanAnonymous() {
        ProductId product = stocked(1);

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> get(product.toString(), "not.a.token"));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aProductInventoryKeepsNoStockForIsNotFoundWithTheRestApisProblemKind() throws Exception {
        UUID unknown = UUID.randomUUID();

        StatusRuntimeException notFound = catchThrowableOfType(StatusRuntimeException.class, () -> get(unknown.toString(), null));

        assertThat(notFound.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(notFound.getStatus().getDescription()).isEqualTo("Inventory keeps no stock for product " + unknown);
        ErrorInfo problem = detail(notFound, ErrorInfo.class);
        assertThat(problem.getReason()).isEqualTo("product-not-found");
        assertThat(problem.getMetadataMap()).containsEntry("title", "Product not found");
    }

    @Test
    void aBatchAnswersTheKnownProductsOnceEachInTheOrderAsked() {
        ProductId tea = stocked(3);
        ProductId cups = stocked(8);

        List<Availability> answer = StockLookupGrpc.newBlockingStub(grpc()).listAvailability(ListAvailabilityRequest.newBuilder()
                .addAllIds(List.of(cups.toString(), UUID.randomUUID().toString(), tea.toString(), cups.toString())).build())
                .getAvailabilityList();

        assertThat(answer).extracting(Availability::getProductId, Availability::getAvailable, Availability::hasOnHand)
                .containsExactly(tuple(cups.toString(), 8, false),
                        tuple(tea.toString(), 3, false));
    }

    @Test
    void malformedRequestsAreInvalidArgumentsNamingEachField() throws Exception {
        StatusRuntimeException malformedId = catchThrowableOfType(StatusRuntimeException.class, () -> get("42", null));
        List<String> tooMany = IntStream.rangeClosed(0, 100).mapToObj(i -> UUID.randomUUID().toString()).toList();
        StatusRuntimeException batch = catchThrowableOfType(StatusRuntimeException.class,
                () -> StockLookupGrpc.newBlockingStub(grpc()).listAvailability(ListAvailabilityRequest.newBuilder()
                        .addAllIds(tooMany).addIds("nope").build()));

        assertThat(malformedId.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(malformedId, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(tuple("product_id", "must be a UUID"));
        assertThat(detail(batch, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(tuple("ids", "size must be between 1 and 100"),
                        tuple("ids[101]", "must be a UUID"));
    }

    private Availability get(String productId, String token) {
        StockLookupGrpc.StockLookupBlockingStub stub = StockLookupGrpc.newBlockingStub(grpc())
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        if (token != null) {
            Metadata headers = new Metadata();
            headers.put(StockLookupMetadata.AUTHORIZATION, "Bearer " + token);
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        return stub.getAvailability(GetAvailabilityRequest.newBuilder().setProductId(productId).build());
    }

    static <T extends Message> T detail(StatusRuntimeException status, Class<T> type)
            throws InvalidProtocolBufferException {
        for (Any any : StatusProto.fromThrowable(status).getDetailsList()) {
            if (any.is(type)) {
                return any.unpack(type);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " in " + status);
    }
}
