package dev.kaimono.catalog.product;

/** Another product already has this SKU, in any letter case (answered 409). */
public class DuplicateSkuException extends RuntimeException {

    public DuplicateSkuException(Sku sku) {
        super("Another product already has SKU " + sku);
    }
}
