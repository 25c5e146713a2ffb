package dev.kaimono.inventory.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Parameter;

import dev.kaimono.inventory.application.Availability;
import dev.kaimono.inventory.application.AvailabilityQueries;
import dev.kaimono.inventory.application.StockAdministration;
import dev.kaimono.inventory.domain.ProductId;
import dev.kaimono.inventory.domain.StockItem;

/**
 * {@code /api/inventory}: availability of one or many products (public, for shoppers and the gateway's
 * product details: what can be ordered; administrators also see stock on hand and what is reserved); setting and
 * replenishing stock on hand (administrators).
 */
@RestController
@RequestMapping("/api/inventory")
class InventoryController {

    static final int MAX_BATCH = 100;

    private final AvailabilityQueries availability;
    private final StockAdministration administration;

    InventoryController(AvailabilityQueries availability, StockAdministration administration) {
        this.availability = availability;
        this.administration = administration;
    }

    @GetMapping("/{productId}")
    AvailabilityResponse availability(@PathVariable UUID productId, Authentication caller) {
        return AvailabilityResponse.of(availability.of(new ProductId(productId)), caller);
    }

    /**
     * The availability of several products, {@code ?ids=a,b,c}, the parameter every batch lookup of the API takes
     * ({@code docs/api-conventions.md}); {@code ?productIds=}, its earlier name, is still understood when {@code ids}
     * is absent. Products inventory keeps no stock for are left out of the answer.
     */
    @GetMapping
    List<AvailabilityResponse> availability(@RequestParam(required = false) @Size(min = 1, max = MAX_BATCH) List<UUID> ids,
            @Parameter(deprecated = true, description = "The earlier name of ids, read when ids is absent")
            @RequestParam(name = "productIds", required = false) @Size(min = 1, max = MAX_BATCH) List<UUID> formerIds,
            Authentication caller) throws MissingServletRequestParameterException {
        List<UUID> asked = ids != null ? ids : formerIds;
        if (asked == null) {
            throw new MissingServletRequestParameterException("ids", "List<UUID>");
        }
        return availability.of(asked.stream().map(ProductId::new).toList()).stream()
                .map(stock -> AvailabilityResponse.of(stock, caller)).toList();
    }

    @PutMapping("/{productId}")
    AvailabilityResponse count(@PathVariable UUID productId, @Valid @RequestBody StockCount request) {
        return AvailabilityResponse.of(administration.count(new ProductId(productId), request.onHand()));
    }

    @PostMapping("/{productId}/replenish")
    AvailabilityResponse replenish(@PathVariable UUID productId, @Valid @RequestBody Replenishment request) {
        return AvailabilityResponse.of(administration.replenish(new ProductId(productId), request.quantity()));
    }

    record StockCount(@NotNull @Min(0) @Max(StockItem.MAX_ON_HAND) Integer onHand) {
    }

    record Replenishment(@NotNull @Min(1) @Max(StockItem.MAX_ON_HAND) Integer quantity) {
    }

    /** What can be ordered; stock on hand and reserved units only for administrators (null, so left out, otherwise). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AvailabilityResponse(UUID productId, Integer onHand, Integer reserved, int available) {

        static AvailabilityResponse of(Availability availability) {
            return new AvailabilityResponse(availability.productId(), availability.onHand(), availability.reserved(),
                    availability.available());
        }

        static AvailabilityResponse of(Availability availability, Authentication caller) {
            return isAdministrator(caller) ? of(availability)
                    : new AvailabilityResponse(availability.productId(), null, null, availability.available());
        }

        private static boolean isAdministrator(Authentication caller) {
            return caller != null && caller.getAuthorities().stream()
                    .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
        }
    }
}
