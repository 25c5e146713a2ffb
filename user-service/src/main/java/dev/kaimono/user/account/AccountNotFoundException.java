package dev.kaimono.user.account;

import java.util.UUID;

/** The account a request refers to does not exist (answered 404). */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UUID id) {
        super("No account " + id);
    }
}
