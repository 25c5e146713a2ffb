package dev.kaimono.order.web;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.kaimono.order.application.Viewer;
import dev.kaimono.order.domain.CustomerId;

/** Who is calling, from the validated access token: its subject is the shopper's account id. */
final class Shoppers {

    private Shoppers() {
    }

    static Viewer viewer(Authentication authentication) {
        boolean administrator = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
        return new Viewer(customer(authentication), administrator);
    }

    static CustomerId customer(Authentication authentication) {
        try {
            return new CustomerId(UUID.fromString(authentication.getName()));
        } catch (IllegalArgumentException notAnAccount) {
            throw new NotAShopperException();
        }
    }

    /** A valid token whose subject is not an account id; it cannot have orders. */
    static final class NotAShopperException extends RuntimeException {

        NotAShopperException() {
            super("The token's subject is not a shopper's account id");
        }
    }
}
