package dev.kaimono.user.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.repository.Repository;

/**
 * The accounts in PostgreSQL, through Spring Data JPA. Its queries are SQL: some need PostgreSQL (arrays, advisory
 * locks), and a JPQL query makes Spring Data and Hibernate load their query parsers, about 1,000 classes and 15 MiB
 * of the service's memory (ADR 0033).
 */
public interface Accounts extends Repository<Account, UUID>, NewAccounts {

    Optional<Account> findById(UUID id);

    /** The account with this email, in any letter case, blanks around it ignored. */
    default Optional<Account> byEmail(String email) {
        return withLowerCaseEmail(email.strip());
    }

    @NativeQuery("SELECT * FROM account WHERE lower(email) = lower(:email)")
    Optional<Account> withLowerCaseEmail(String email);

    /** The oldest account holding the ADMIN role, if any holds it. */
    @NativeQuery("SELECT * FROM account WHERE 'ADMIN' = ANY (roles) ORDER BY created_at LIMIT 1")
    Optional<Account> anyAdministrator();

    /**
     * Takes a lock, held until the transaction ends, that instances starting together queue on before
     * deciding whether to create the first administrator.
     */
    @NativeQuery("SELECT pg_advisory_xact_lock(hashtext('kaimono.user.first-administrator'))")
    void lockFirstAdministrator();
}
