/**
 * Products: the {@link dev.kaimono.catalog.product.Product} aggregate and its values, the use cases of
 * {@link dev.kaimono.catalog.product.ProductCatalog}, and their MongoDB documents, each written together
 * with the integration events it causes.
 */
package dev.kaimono.catalog.product;
