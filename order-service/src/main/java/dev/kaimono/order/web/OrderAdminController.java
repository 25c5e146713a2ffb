package dev.kaimono.order.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.order.application.InvalidOrderRequestException;
import dev.kaimono.order.application.OrderNotFoundException;
import dev.kaimono.order.application.saga.PlaceOrderSagas;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.saga.SagaStep;
import dev.kaimono.order.projection.Projector;
import dev.kaimono.order.web.OrderResponses.SagaDetailsView;
import dev.kaimono.order.web.OrderResponses.SagaView;
import dev.kaimono.order.web.OrderResponses.TransitionView;

/**
 * Operators' views of order-service under {@code /api/admin/orders} (role ADMIN, enforced by the shared
 * security rules): place-order sagas, stuck ones first; projections, their checkpoints and rebuilds.
 */
@RestController
@RequestMapping("/api/admin/orders")
class OrderAdminController {

    private static final int MAX_LISTED = 500;

    private final PlaceOrderSagas sagas;
    private final Projector projector;
    private final Clock clock;

    OrderAdminController(PlaceOrderSagas sagas, Projector projector, Clock clock) {
        this.sagas = sagas;
        this.projector = projector;
        this.clock = clock;
    }

    /** Sagas in a state (all if none given): past their deadline first, then most attempts, then oldest. */
    @GetMapping("/sagas")
    List<SagaView> sagas(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit) {
        SagaStep step = step(state);
        Instant now = clock.instant();
        return sagas.list(step, now, Math.clamp(limit, 1, MAX_LISTED)).stream().map(saga -> SagaView.of(saga, now)).toList();
    }

    @GetMapping("/sagas/{orderId}")
    SagaDetailsView saga(@PathVariable UUID orderId) {
        OrderId id = new OrderId(orderId);
        return sagas.find(id)
                .map(saga -> new SagaDetailsView(SagaView.of(saga, clock.instant()),
                        sagas.transitions(id).stream().map(TransitionView::of).toList()))
                .orElseThrow(() -> new OrderNotFoundException(id));
    }

    @GetMapping("/projections")
    List<Projector.Checkpoint> projections() {
        return projector.checkpoints();
    }

    /** Empties the projection's read model and replays every event into it. */
    @PostMapping("/projections/{name}/rebuild")
    Projector.Rebuilt rebuild(@PathVariable String name) {
        return projector.rebuild(name);
    }

    private static SagaStep step(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return SagaStep.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw InvalidOrderRequestException.of("state", "must be one of " + List.of(SagaStep.values()));
        }
    }
}
