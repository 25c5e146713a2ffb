package dev.kaimono.user.account;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who can sign in: a shopper, and possibly an administrator. Guards that its email is
 * present and its name is a non-blank display name; the email is unique across accounts (enforced
 * by the store, case-insensitively). Created by registration, renamed through its profile; its email,
 * password and roles never change after that.
 */
@Entity
public class Account {

    @Id
    private UUID id;
    private String email;
    private String passwordHash;
    private String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles;
    private Instant createdAt;
    private Instant updatedAt;

    /** For JPA, which sets the fields from a row. */
    protected Account() {
    }

    Account(UUID id, String email, String passwordHash, String name, Set<Role> roles, Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("An account needs an email");
        }
        this.email = email;
        this.name = requireName(name);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    static Account register(String email, String passwordHash, String name, Set<Role> roles, Instant now) {
        return new Account(UUID.randomUUID(), email.strip(), passwordHash, name, roles, now, now);
    }

    void rename(String newName, Instant now) {
        name = requireName(newName);
        updatedAt = now;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String name() {
        return name;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        return name.strip();
    }
}
