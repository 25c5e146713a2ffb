package dev.kaimono.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures say the database is out of reach, and which say something about the work. */
class StoreOutagesTest {

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("request timed out after 5000ms");

        assertThat(StoreOutages.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout)))
                .isTrue();
        assertThat(StoreOutages.causedBy(new CannotCreateTransactionException("no connection", poolTimeout))).isTrue();
    }

    @Test
    void aConnectionLostAtCommitIsAnOutageByItsSqlState() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        assertThat(StoreOutages.causedBy(new TransactionSystemException("Could not commit", ioError))).isTrue();
        assertThat(StoreOutages.causedBy(new IllegalStateException("wrapped", new SQLException("shutting down", "57P01"))))
                .isTrue();
        assertThat(StoreOutages.causedBy(new SQLException("too many clients already", "53300"))).isTrue();
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        SQLException duplicateKey = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThat(StoreOutages.causedBy(new DataIntegrityViolationException("duplicate", duplicateKey))).isFalse();
        assertThat(StoreOutages.causedBy(new TransactionSystemException("Could not commit", duplicateKey))).isFalse();
        assertThat(StoreOutages.causedBy(new IllegalArgumentException("no such product"))).isFalse();
        assertThat(StoreOutages.causedBy(new SQLException("no state"))).isFalse();
    }
}
