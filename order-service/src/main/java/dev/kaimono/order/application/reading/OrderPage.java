package dev.kaimono.order.application.reading;

import java.util.List;

/** One page of a list, numbered from 0. */
public record OrderPage<T>(List<T> content, int page, int size, long totalElements) {

    public OrderPage {
        content = List.copyOf(content);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }
}
