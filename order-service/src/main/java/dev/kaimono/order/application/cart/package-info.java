/** The shopper's cart and its store. */
package dev.kaimono.order.application.cart;
