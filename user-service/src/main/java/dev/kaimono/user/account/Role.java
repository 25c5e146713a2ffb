package dev.kaimono.user.account;

/** What an account may do; carried in the {@code roles} claim of its access tokens. */
public enum Role {
    CUSTOMER, ADMIN
}
