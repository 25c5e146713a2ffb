package dev.kaimono.catalog.product;

/** A category and how many active products are in it. */
public record CategoryCount(String name, long products) {
}
