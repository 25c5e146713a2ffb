package dev.kaimono.catalog.product;

/** The product a request names does not exist (answered 404). */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(String id) {
        super("No product with id " + id);
    }
}
