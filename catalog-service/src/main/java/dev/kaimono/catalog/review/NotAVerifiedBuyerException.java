package dev.kaimono.catalog.review;

import java.util.UUID;

/** Only a shopper whose order of the product was delivered may review it (answered 403). */
public class NotAVerifiedBuyerException extends RuntimeException {

    public NotAVerifiedBuyerException(UUID productId) {
        super("You can review product " + productId + " once an order of yours with it has been delivered");
    }
}
