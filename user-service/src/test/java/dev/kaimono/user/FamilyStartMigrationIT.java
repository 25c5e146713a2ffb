package dev.kaimono.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.testsupport.MovableClock;

/** V3 dates the refresh-token families that existed before it by their oldest token. */
@UserServiceOnMovableClock
class FamilyStartMigrationIT {

    private static final Instant FIRST = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-05T08:00:00Z");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void existingFamiliesStartWithTheirOldestToken() {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        Flyway.configure().dataSource(dataSource).schemas(schema).target("2").load().migrate();
        UUID account = UUID.randomUUID();
        UUID family = UUID.randomUUID();
        UUID otherFamily = UUID.randomUUID();
        jdbc.sql("INSERT INTO " + schema + ".account VALUES (:id, 'ann@example.com', 'hash', 'Ann', '{CUSTOMER}', now(), now())")
                .param("id", account).update();
        token(schema, account, family, FIRST);
        token(schema, account, family, SECOND);
        token(schema, account, otherFamily, SECOND);

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        List<Instant> starts = jdbc.sql("SELECT family_started_at FROM " + schema + ".refresh_token ORDER BY family_id = :family DESC, issued_at")
                .param("family", family)
                .query(Timestamp.class).list().stream().map(Timestamp::toInstant).toList();
        assertThat(starts).containsExactly(FIRST, FIRST, SECOND);
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    private void token(String schema, UUID account, UUID family, Instant issuedAt) {
        jdbc.sql("INSERT INTO " + schema + ".refresh_token (id, account_id, family_id, token_hash, issued_at, expires_at) "
                + "VALUES (:id, :account, :family, :hash, :issuedAt, :issuedAt)")
                .param("id", UUID.randomUUID()).param("account", account).param("family", family)
                .param("hash", UUID.randomUUID().toString()).param("issuedAt", Timestamp.from(issuedAt))
                .update();
    }
}
