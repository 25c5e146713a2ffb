package dev.kaimono.order.application.placing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.kaimono.order.application.FieldProblem;
import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.OrderCommandHandler;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.application.RetryingTransactions;
import dev.kaimono.order.application.cart.CartService;
import dev.kaimono.order.application.cart.Carts.CartLine;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.placing.IdempotencyKeys.IdempotencyKeyTakenException;
import dev.kaimono.order.application.placing.IdempotencyKeys.StoredKey;
import dev.kaimono.order.application.placing.PlaceOrderRequest.RequestedLine;
import dev.kaimono.order.application.saga.PlaceOrderSagaManager;
import dev.kaimono.order.domain.Order;
import dev.kaimono.order.domain.OrderCommand.PlaceOrder;
import dev.kaimono.order.domain.OrderDecider;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.OrderLine;
import dev.kaimono.order.domain.ProductId;

/**
 * Places an order: prices its lines from the catalog (never from the request), then in
 * ONE transaction stores the idempotency key, appends {@code OrderPlaced}, starts the place-order saga
 * (which sends reserve-stock) and, for an order from the cart, checks its lines out of the cart
 * ({@code cart.checked-out}). Either all of it commits or nothing does; the catalog is asked before the transaction, so no connection waits on it. Whether the lines
 * make an order (how many, each product once, one currency) is {@link OrderDecider}'s rule alone: its refusal rolls
 * the transaction back. A retry with a known {@code Idempotency-Key} gets its order back even while
 * {@link OrderAdmission} refuses new ones.
 */
@Service
public class PlaceOrderService {

    private final Catalog catalog;
    private final CartService carts;
    private final IdempotencyKeys idempotencyKeys;
    private final OrderCommandHandler orders;
    private final OrderEventStore store;
    private final PlaceOrderSagaManager sagas;
    private final OrderAdmission admission;
    private final RetryingTransactions transactions;
    private final Clock clock;

    PlaceOrderService(Catalog catalog, CartService carts, IdempotencyKeys idempotencyKeys, OrderCommandHandler orders,
            OrderEventStore store, PlaceOrderSagaManager sagas, OrderAdmission admission, RetryingTransactions transactions,
            Clock clock) {
        this.catalog = catalog;
        this.carts = carts;
        this.idempotencyKeys = idempotencyKeys;
        this.orders = orders;
        this.store = store;
        this.sagas = sagas;
        this.admission = admission;
        this.transactions = transactions;
        this.clock = clock;
    }

    public PlacedOrder place(PlaceOrderRequest request) {
        if (request.idempotencyKey() != null) {
            Optional<StoredKey> earlier = idempotencyKeys.find(request.customerId(), request.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(earlier.get(), request);
            }
        }
        admission.admit();
        List<RequestedLine> requested = requestedLines(request);
        List<OrderLine> lines = price(requested, request.fromCart());
        OrderId orderId = OrderId.newId();
        try {
            return transactions.execute(() -> {
                Instant now = clock.instant();
                if (request.idempotencyKey() != null) {
                    idempotencyKeys.insert(request.customerId(), request.idempotencyKey(), request.fingerprint(), orderId, now);
                }
                Order order = orders.handle(new PlaceOrder(orderId, request.customerId(), lines, request.shippingAddress(),
                        request.paymentMethod(), now)).order();
                sagas.start(order);
                if (request.fromCart()) {
                    carts.checkOut(request.customerId(), orderId, requested.stream()
                            .map(line -> new CartLine(line.productId(), line.quantity())).toList());
                }
                return new PlacedOrder(orderId, order.status(), false);
            });
        } catch (IdempotencyKeyTakenException concurrentRetry) {
            return replay(idempotencyKeys.find(request.customerId(), request.idempotencyKey()).orElseThrow(() -> concurrentRetry),
                    request);
        }
    }

    private PlacedOrder replay(StoredKey earlier, PlaceOrderRequest request) {
        if (!earlier.requestHash().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return new PlacedOrder(earlier.orderId(), store.load(earlier.orderId()).order().status(), true);
    }

    /** The lines to order: as sent, or the cart's. Whether they make an order is the decider's to say. */
    private List<RequestedLine> requestedLines(PlaceOrderRequest request) {
        if (!request.fromCart()) {
            return request.lines();
        }
        if (!request.lines().isEmpty()) {
            throw InvalidOrderRequestException.of("fromCart", "Send either lines or fromCart, not both");
        }
        List<RequestedLine> lines = carts.cart(request.customerId()).stream()
                .map(line -> new RequestedLine(line.productId(), line.quantity())).toList();
        if (lines.isEmpty()) {
            throw InvalidOrderRequestException.of("lines", "The cart is empty");
        }
        return lines;
    }

    private List<OrderLine> price(List<RequestedLine> requested, boolean fromCart) {
        Set<ProductId> ids = new LinkedHashSet<>(requested.stream().map(RequestedLine::productId).toList());
        Map<ProductId, CatalogProduct> products = catalog.products(ids);
        List<FieldProblem> problems = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            RequestedLine line = requested.get(i);
            CatalogProduct product = products.get(line.productId());
            String field = "lines[%d].productId".formatted(i);
            if (product == null) {
                problems.add(new FieldProblem(field, "No such product in the catalog" + (fromCart ? " (remove it from the cart)" : "")));
            } else if (!product.orderable()) {
                problems.add(new FieldProblem(field, "The product is discontinued"));
            } else {
                lines.add(new OrderLine(product.id(), product.name(), product.price(), line.quantity()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOrderRequestException(problems);
        }
        return lines;
    }
}
