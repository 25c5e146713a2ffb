package dev.kaimono.catalog.product;

/** Whether a product can still be found and ordered. */
public enum ProductStatus {
    /** Listed: found by search, orderable. */
    ACTIVE,
    /** No longer sold: hidden from search, still readable by id (orders refer to it), never active again. */
    DISCONTINUED
}
