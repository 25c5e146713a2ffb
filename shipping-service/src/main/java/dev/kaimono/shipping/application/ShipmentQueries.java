package dev.kaimono.shipping.application;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.shipping.domain.OrderId;
import dev.kaimono.shipping.domain.Shipment;
import dev.kaimono.shipping.domain.ShipmentId;
import dev.kaimono.shipping.domain.ShipmentStatus;

/**
 * What callers may read. A shipment the viewer may not see is reported as missing, so a shopper
 * cannot learn that someone else's order or shipment exists.
 */
@Service
public class ShipmentQueries {

    /** The largest page an administrator can ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private final Shipments shipments;

    ShipmentQueries(Shipments shipments) {
        this.shipments = shipments;
    }

    @Transactional(readOnly = true)
    public Shipment byId(ShipmentId id, Viewer viewer) {
        return shipments.find(id).filter(viewer::maySee)
                .orElseThrow(() -> new ShipmentNotFoundException("No shipment " + id));
    }

    /** The shipment of an order, if it has one and the viewer may see it. */
    @Transactional(readOnly = true)
    public Optional<Shipment> byOrder(OrderId orderId, Viewer viewer) {
        return shipments.findByOrder(orderId).filter(viewer::maySee);
    }

    /**
     * One page of the shipments in a status (every status when {@code null}), most recently arranged
     * first; the page size is kept between 1 and {@value #MAX_PAGE_SIZE}.
     */
    @Transactional(readOnly = true)
    public ShipmentPage inStatus(ShipmentStatus status, int page, int size) {
        int pageNumber = Math.max(page, 0);
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return new ShipmentPage(shipments.findByStatus(status, (long) pageNumber * pageSize, pageSize),
                pageNumber, pageSize, shipments.countByStatus(status));
    }
}
