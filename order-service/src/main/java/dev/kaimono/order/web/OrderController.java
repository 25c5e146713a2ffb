package dev.kaimono.order.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.fulfilment.OrderCancellation;
import dev.kaimono.order.application.reading.OrderQueries;
import dev.kaimono.order.application.placing.PlaceOrderRequest;
import dev.kaimono.order.application.placing.PlaceOrderService;
import dev.kaimono.order.application.placing.PlacedOrder;
import dev.kaimono.order.application.Viewer;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.web.OrderRequests.PlaceOrderBody;
import dev.kaimono.order.web.OrderResponses.HistoryEntry;
import dev.kaimono.order.web.OrderResponses.OrderAccepted;
import dev.kaimono.order.web.OrderResponses.OrderView;
import dev.kaimono.order.web.OrderResponses.PageView;
import dev.kaimono.order.web.OrderResponses.SummaryView;
import tools.jackson.databind.json.JsonMapper;

/** A shopper's orders: place, list, read (now or as of an instant), history, cancel. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final PlaceOrderService placing;
    private final OrderQueries queries;
    private final OrderCancellation cancellation;
    private final JsonMapper json;

    OrderController(PlaceOrderService placing, OrderQueries queries, OrderCancellation cancellation, JsonMapper json) {
        this.placing = placing;
        this.queries = queries;
        this.cancellation = cancellation;
        this.json = json;
    }

    /**
     * Places an order and answers {@code 202 Accepted} at once; the place-order saga confirms or cancels it
     * afterwards. A retry with the same {@code Idempotency-Key} and body answers the same order again.
     */
    @PostMapping
    ResponseEntity<OrderAccepted> place(@Valid @RequestBody PlaceOrderBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication authentication) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw InvalidOrderRequestException.of("Idempotency-Key", "must be 1 to %d characters".formatted(MAX_IDEMPOTENCY_KEY));
        }
        PlacedOrder placed = placing.place(new PlaceOrderRequest(Shoppers.customer(authentication), body.requestedLines(),
                body.cartRequested(), body.shippingAddress().toAddress(), new PaymentMethod(body.paymentMethod()), idempotencyKey,
                fingerprint(body)));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/orders/" + placed.orderId()))
                .body(new OrderAccepted(placed.orderId().value(), placed.status().name()));
    }

    @GetMapping
    PageView<SummaryView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        return PageView.of(queries.list(Shoppers.viewer(authentication), page, size));
    }

    /** The order now, or as it was at {@code asOf} (replayed from its events). */
    @GetMapping("/{id}")
    OrderView get(@PathVariable UUID id, @RequestParam(required = false) String asOf, Authentication authentication) {
        Viewer viewer = Shoppers.viewer(authentication);
        if (asOf == null) {
            return OrderView.of(queries.details(viewer, new OrderId(id)));
        }
        return OrderView.of(queries.detailsAsOf(viewer, new OrderId(id), instant(asOf)));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable UUID id, Authentication authentication) {
        return queries.history(Shoppers.viewer(authentication), new OrderId(id)).stream()
                .map(event -> HistoryEntry.of(event, json.readTree(event.data())))
                .toList();
    }

    /** Cancels the shopper's confirmed, undispatched order; cancelling a cancelled order again is a no-op. */
    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id, Authentication authentication) {
        return OrderView.of(cancellation.cancel(Shoppers.viewer(authentication), new OrderId(id)));
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            throw InvalidOrderRequestException.of("asOf", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private String fingerprint(PlaceOrderBody body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
