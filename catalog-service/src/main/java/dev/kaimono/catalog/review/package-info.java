/**
 * Reviews by verified buyers: who may review what (learnt from order-service's {@code order.delivered},
 * never asked synchronously), the {@link dev.kaimono.catalog.review.Review}s themselves with
 * their {@code catalog.review-*} events in the MongoDB outbox, and the product ratings they make. See docs/adr/0031.
 */
package dev.kaimono.catalog.review;
