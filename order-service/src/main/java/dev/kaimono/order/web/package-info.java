/**
 * The HTTP API of order-service: shoppers' orders and cart, administrators' saga and projection views,
 * with request and response records and one advice that turns every error into a problem detail.
 */
package dev.kaimono.order.web;
