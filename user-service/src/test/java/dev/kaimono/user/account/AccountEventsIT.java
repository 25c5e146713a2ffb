package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's change and its event are one transaction: JPA writes the account, the outbox writes the event with
 * JdbcClient, and both go through the one connection the transaction holds. Were they two connections, an event
 * would be published for a change that was rolled back.
 */
@AccountsWithOutbox
class AccountEventsIT {

    private static final String PASSWORD = "correct-horse-42";

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aRegistrationAndItsEventAreWrittenOnOneConnectionAndRolledBackTogether() {
        UUID id = new TransactionTemplate(transactionManager).execute(transaction -> {
            Account account = accounts.register(uniqueEmail(), PASSWORD, "Ann");
            assertThat(accountRows(account.id())).as("the account inserted by JPA, read by JdbcClient before the commit")
                    .isOne();
            assertThat(events(account.id(), "user.registered")).isOne();
            transaction.setRollbackOnly();
            return account.id();
        });

        assertThat(accountRows(id)).isZero();
        assertThat(events(id, "user.registered")).isZero();
    }

    @Test
    void aRenameAndItsEventCommitTogether() {
        Account account = accounts.register(uniqueEmail(), PASSWORD, "Ann");

        accounts.rename(account.id(), "Ann Lee");

        assertThat(storedName(account.id())).isEqualTo("Ann Lee");
        assertThat(events(account.id(), "user.profile-updated")).isOne();
    }

    /** JPA writes a rename when the transaction commits, after the event: a refused write must take the event with it. */
    @Test
    void aRenameRefusedAtCommitLeavesNoEvent() {
        Account account = accounts.register(uniqueEmail(), PASSWORD, "Ann");
        jdbc.sql("""
                CREATE FUNCTION refuse_rename() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'rename refused by the test'; END $$""").update();
        jdbc.sql("""
                CREATE TRIGGER refuse_rename BEFORE UPDATE OF name ON account FOR EACH ROW
                WHEN (NEW.name = 'Refused') EXECUTE FUNCTION refuse_rename()""").update();
        try {
            assertThatException().isThrownBy(() -> accounts.rename(account.id(), "Refused"));
        } finally {
            jdbc.sql("DROP FUNCTION refuse_rename CASCADE").update();
        }

        assertThat(storedName(account.id())).isEqualTo("Ann");
        assertThat(events(account.id(), "user.profile-updated")).isZero();
    }

    private long accountRows(UUID id) {
        return jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", id).query(Long.class).single();
    }

    private String storedName(UUID id) {
        return jdbc.sql("SELECT name FROM account WHERE id = :id").param("id", id).query(String.class).single();
    }

    private long events(UUID accountId, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND event_type = :type")
                .param("id", accountId.toString()).param("type", type).query(Long.class).single();
    }

    private static String uniqueEmail() {
        return "account-" + UUID.randomUUID() + "@example.com";
    }
}
