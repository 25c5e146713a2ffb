package dev.kaimono.order.application;

/** One offending field of a request, named as the client sent it (e.g. {@code lines[1].productId}). */
public record FieldProblem(String field, String message) {
}
