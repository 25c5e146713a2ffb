package dev.kaimono.catalog.product.web;

import java.util.List;

import org.springframework.data.domain.Page;

import dev.kaimono.catalog.product.Product;

/** One page of products (ARCHITECTURE §4): {@code page} counts from 0. */
record ProductPageResponse(List<ProductResponse> content, int page, int size, long totalElements, int totalPages) {

    static ProductPageResponse of(Page<Product> page) {
        return new ProductPageResponse(page.getContent().stream().map(ProductResponse::of).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
