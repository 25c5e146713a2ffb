/** catalog-service: products, categories and search on MongoDB. */
package dev.kaimono.catalog;
