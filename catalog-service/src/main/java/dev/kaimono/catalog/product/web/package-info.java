/**
 * The catalog's HTTP API: product search, reads and batch reads for anyone, administration for role
 * ADMIN, category counts, and the RFC 9457 problem details every error becomes.
 */
package dev.kaimono.catalog.product.web;
