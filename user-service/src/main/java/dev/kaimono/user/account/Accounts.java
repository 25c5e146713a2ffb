package dev.kaimono.user.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts in PostgreSQL. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; a taken email (in any letter case) is refused. */
    void add(Account account) {
        try {
            jdbc.sql("""
                    INSERT INTO account (id, email, password_hash, name, roles, created_at, updated_at)
                    VALUES (:id, :email, :passwordHash, :name, :roles, :createdAt, :updatedAt)""")
                    .param("id", account.id())
                    .param("email", account.email())
                    .param("passwordHash", account.passwordHash())
                    .param("name", account.name())
                    .param("roles", roleNames(account.roles()))
                    .param("createdAt", Timestamp.from(account.createdAt()))
                    .param("updatedAt", Timestamp.from(account.updatedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyRegisteredException(account.email());
        }
    }

    void update(Account account) {
        jdbc.sql("UPDATE account SET name = :name, roles = :roles, updated_at = :updatedAt WHERE id = :id")
                .param("id", account.id())
                .param("name", account.name())
                .param("roles", roleNames(account.roles()))
                .param("updatedAt", Timestamp.from(account.updatedAt()))
                .update();
    }

    /** The oldest account holding the ADMIN role, if any holds it. */
    Optional<Account> anyAdministrator() {
        return jdbc.sql("SELECT * FROM account WHERE 'ADMIN' = ANY (roles) ORDER BY created_at LIMIT 1")
                .query(Accounts::map)
                .optional();
    }

    /**
     * Takes a lock, held until the transaction ends, that instances starting together queue on before
     * deciding whether to create the first administrator.
     */
    void lockFirstAdministrator() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('kaimono.user.first-administrator'))")
                .query((row, rowNumber) -> Boolean.TRUE)
                .single();
    }

    public Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT * FROM account WHERE id = :id").param("id", id).query(Accounts::map).optional();
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("SELECT * FROM account WHERE lower(email) = lower(:email)")
                .param("email", email.strip())
                .query(Accounts::map)
                .optional();
    }

    private static String[] roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Account map(ResultSet row, int rowNumber) throws SQLException {
        Array roles = row.getArray("roles");
        Set<Role> parsed = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(row.getObject("id", UUID.class), row.getString("email"), row.getString("password_hash"),
                row.getString("name"), parsed, row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
