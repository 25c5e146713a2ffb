/** Reviews over HTTP: {@code /api/reviews}, a product's reviews, and hiding one for administrators. */
package dev.kaimono.catalog.review.web;
