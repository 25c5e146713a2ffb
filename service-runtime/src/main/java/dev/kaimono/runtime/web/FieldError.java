package dev.kaimono.runtime.web;

/** One offending field (or parameter) of a bad request, as listed in a 400 problem's {@code errors}. */
public record FieldError(String field, String message) {
}
