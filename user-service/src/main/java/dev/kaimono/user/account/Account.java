package dev.kaimono.user.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person who can sign in: a shopper, and possibly an administrator. Guards that its email is
 * present and its name is a non-blank display name; the email is unique across accounts (enforced
 * by the store, case-insensitively). Created by registration, renamed through its profile.
 */
public record Account(UUID id, String email, String passwordHash, String name, Set<Role> roles,
        Instant createdAt, Instant updatedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("An account needs an email");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    static Account register(String email, String passwordHash, String name, Set<Role> roles, Instant now) {
        return new Account(UUID.randomUUID(), email.strip(), passwordHash, name.strip(), roles, now, now);
    }

    Account rename(String newName, Instant now) {
        return new Account(id, email, passwordHash, newName.strip(), roles, createdAt, now);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
