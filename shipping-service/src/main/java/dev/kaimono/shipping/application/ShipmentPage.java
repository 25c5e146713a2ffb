package dev.kaimono.shipping.application;

import java.util.List;

import dev.kaimono.shipping.domain.Shipment;

/** One page of shipments, numbered from 0. */
public record ShipmentPage(List<Shipment> content, int page, int size, long totalElements) {

    public ShipmentPage {
        content = List.copyOf(content);
    }

    public int totalPages() {
        return (int) ((totalElements + size - 1) / size);
    }
}
