package dev.kaimono.catalog.product;

/** What is wrong with one field of a request, in words a client can show. */
public record FieldProblem(String field, String message) {
}
