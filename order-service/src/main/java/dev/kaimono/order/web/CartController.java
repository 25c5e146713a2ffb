package dev.kaimono.order.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.order.application.cart.CartService;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.web.OrderRequests.CartItemBody;
import dev.kaimono.order.web.OrderResponses.CartView;

/** The shopper's cart. */
@RestController
@RequestMapping("/api/cart")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    @GetMapping
    CartView cart(Authentication authentication) {
        return CartView.of(carts.contents(Shoppers.customer(authentication)));
    }

    /** Sets the quantity of a product (1 to 99); the product must be in the catalog and not discontinued. */
    @PutMapping("/items/{productId}")
    CartView put(@PathVariable UUID productId, @Valid @RequestBody CartItemBody body, Authentication authentication) {
        return CartView.of(carts.put(Shoppers.customer(authentication), new ProductId(productId), body.quantity()));
    }

    @DeleteMapping("/items/{productId}")
    CartView remove(@PathVariable UUID productId, Authentication authentication) {
        return CartView.of(carts.remove(Shoppers.customer(authentication), new ProductId(productId)));
    }
}
