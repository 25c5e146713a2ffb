package dev.kaimono.user.account;

import jakarta.persistence.EntityManager;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

/**
 * Inserts with {@code persist} (the id is new, so no look-up for it first) and flushes, so PostgreSQL's
 * unique index on the email answers now. Hibernate reports that answer as a {@link ConstraintViolationException},
 * which Spring would only turn into a generic {@code DataIntegrityViolationException}; its kind says which it is.
 */
class NewAccountsImpl implements NewAccounts {

    private final EntityManager entityManager;

    NewAccountsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void add(Account account) {
        try {
            entityManager.persist(account);
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            if (e.getKind() != ConstraintKind.UNIQUE) {
                throw e;
            }
            throw new EmailAlreadyRegisteredException(account.email());
        }
    }
}
