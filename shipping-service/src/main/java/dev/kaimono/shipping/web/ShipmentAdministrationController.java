package dev.kaimono.shipping.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.shipping.application.ShipmentPage;
import dev.kaimono.shipping.application.ShipmentQueries;
import dev.kaimono.shipping.domain.ShipmentStatus;

/**
 * Operators' list of shipments, {@code GET /api/admin/shipping/shipments?status=ARRANGED&page=0&size=20}:
 * most recently arranged first, at most {@value ShipmentQueries#MAX_PAGE_SIZE} per page. Administrators
 * only (every {@code /api/admin/**} path is).
 */
@RestController
@RequestMapping("/api/admin/shipping/shipments")
class ShipmentAdministrationController {

    private final ShipmentQueries queries;

    ShipmentAdministrationController(ShipmentQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) ShipmentStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(queries.inStatus(status, page, size));
    }

    record PageResponse(List<ShipmentResponse> content, int page, int size, long totalElements, int totalPages) {

        static PageResponse of(ShipmentPage page) {
            return new PageResponse(page.content().stream().map(ShipmentResponse::of).toList(), page.page(), page.size(),
                    page.totalElements(), page.totalPages());
        }
    }
}
