package dev.kaimono.inventory.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.kaimono.api.inventory.v1.Availability;
import dev.kaimono.api.inventory.v1.GetAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityRequest;
import dev.kaimono.api.inventory.v1.ListAvailabilityResponse;
import dev.kaimono.api.inventory.v1.StockLookupGrpc;
import dev.kaimono.inventory.application.AvailabilityQueries;
import dev.kaimono.inventory.domain.ProductId;
import io.grpc.stub.StreamObserver;

/**
 * {@code StockLookup}: the availability of one product or of a batch, as {@code GET /api/inventory/{productId}}
 * and {@code GET /api/inventory?ids=} answer it, from the same use case.
 */
final class StockLookupEndpoint extends StockLookupGrpc.StockLookupImplBase {

    /** The most products one {@code ListAvailability} may name, as the REST batch. */
    static final int MAX_BATCH = 100;

    private final AvailabilityQueries availability;

    StockLookupEndpoint(AvailabilityQueries availability) {
        this.availability = availability;
    }

    @Override
    public void getAvailability(GetAvailabilityRequest request, StreamObserver<Availability> answer) {
        respond(answer, () -> {
            UUID productId = uuid(request.getProductId());
            if (productId == null) {
                throw Statuses.invalid(Map.of("product_id", "must be a UUID"));
            }
            return message(availability.of(new ProductId(productId)), Callers.administrator());
        });
    }

    @Override
    public void listAvailability(ListAvailabilityRequest request, StreamObserver<ListAvailabilityResponse> answer) {
        respond(answer, () -> {
            List<ProductId> productIds = productIds(request.getIdsList());
            boolean administrator = Callers.administrator();
            ListAvailabilityResponse.Builder response = ListAvailabilityResponse.newBuilder();
            availability.of(productIds).forEach(stock -> response.addAvailability(message(stock, administrator)));
            return response.build();
        });
    }

    private static List<ProductId> productIds(List<String> ids) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (ids.isEmpty() || ids.size() > MAX_BATCH) {
            violations.put("ids", "size must be between 1 and " + MAX_BATCH);
        }
        List<ProductId> productIds = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            UUID id = uuid(ids.get(i));
            if (id == null) {
                violations.put("ids[" + i + "]", "must be a UUID");
            } else {
                productIds.add(new ProductId(id));
            }
        }
        if (!violations.isEmpty()) {
            throw Statuses.invalid(violations);
        }
        return productIds;
    }

    private static <T> void respond(StreamObserver<T> answer, Supplier<T> work) {
        T message;
        try {
            message = work.get();
        } catch (RuntimeException failure) {
            answer.onError(Statuses.of(failure));
            return;
        }
        answer.onNext(message);
        answer.onCompleted();
    }

    /** What can be ordered; stock on hand and reserved units only for administrators. */
    private static Availability message(dev.kaimono.inventory.application.Availability stock, boolean administrator) {
        Availability.Builder message = Availability.newBuilder()
                .setProductId(stock.productId().toString())
                .setAvailable(stock.available());
        if (administrator) {
            message.setOnHand(stock.onHand()).setReserved(stock.reserved());
        }
        return message.build();
    }

    /** The id, or null when it is not a UUID in its canonical 36-character form. */
    private static UUID uuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
