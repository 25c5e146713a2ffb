package dev.kaimono.order.projection;

/** No projection of that name. */
public class UnknownProjectionException extends RuntimeException {

    public UnknownProjectionException(String name) {
        super("No projection named " + name);
    }
}
