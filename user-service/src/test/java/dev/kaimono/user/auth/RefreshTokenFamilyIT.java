package dev.kaimono.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.testsupport.MovableClock;
import dev.kaimono.user.UserApi;
import dev.kaimono.user.UserServiceOnMovableClock;

/**
 * A refresh-token family lives at most 30 days from its login, logging out ends it at once, and a token is used
 * once even by requests arriving together.
 */
@UserServiceOnMovableClock
class RefreshTokenFamilyIT {

    private static final String PASSWORD = "correct-horse-42";
    private static final Duration FAMILY_LIFETIME = Duration.ofDays(30);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    UserApi api;

    @BeforeEach
    void client() {
        api = new UserApi(port);
    }

    @Test
    void aFamilyDiesThirtyDaysAfterItsLoginHoweverOftenItWasRotated() {
        String email = registered();
        Instant login = clock.instant();
        String token = api.refreshTokenOf(email, PASSWORD);

        clock.advance(Duration.ofDays(10));
        token = rotated(token);
        clock.advance(Duration.ofDays(10));
        token = rotated(token);
        assertThat(expiryOf(token)).as("tokens never outlive their family").isEqualTo(login.plus(FAMILY_LIFETIME));
        clock.advance(Duration.ofDays(10).minusSeconds(1));
        token = rotated(token);
        clock.advance(Duration.ofSeconds(1));

        String refused = api.refresh(token).expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        String invalid = api.refresh("no-such-token").expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).isEqualTo(invalid).contains("The refresh token is invalid, expired or already used");
    }

    @Test
    void logoutWithAnyTokenOfTheFamilyRevokesTheWholeFamilyAndNoOther() {
        String email = registered();
        String first = api.refreshTokenOf(email, PASSWORD);
        String otherDevice = api.refreshTokenOf(email, PASSWORD);
        String second = rotated(first);

        api.logout(first).expectStatus().isNoContent().expectBody().isEmpty();

        api.refresh(second).expectStatus().isUnauthorized();
        rotated(otherDevice);
    }

    @Test
    void logoutThenRefreshWithTheSameTokenIsRefused() {
        String token = api.refreshTokenOf(registered(), PASSWORD);

        api.logout(token).expectStatus().isNoContent();

        api.refresh(token).expectStatus().isUnauthorized();
    }

    @Test
    void logoutRevealsNothingAboutTheToken() {
        String token = api.refreshTokenOf(registered(), PASSWORD);
        api.logout(token).expectStatus().isNoContent();

        api.logout(token).expectStatus().isNoContent().expectBody().isEmpty();
        api.logout("no-such-token").expectStatus().isNoContent().expectBody().isEmpty();
    }

    @Test
    void reusingARotatedTokenStillRevokesTheFamily() {
        String first = api.refreshTokenOf(registered(), PASSWORD);
        String second = rotated(first);

        api.refresh(first).expectStatus().isUnauthorized();

        api.refresh(second).expectStatus().isUnauthorized();
    }

    /**
     * The test holds the token's row while two refreshes with it arrive, then lets them go at once. Locked on
     * reading, the second sees the token used by the first (and revokes the family); read without the lock,
     * both would find it unused and both rotate it.
     */
    @Test
    void twoRefreshesWithOneTokenAtOnceRotateItOnlyOnce() throws Exception {
        String token = api.refreshTokenOf(registered(), PASSWORD);
        List<Integer> statuses;
        try (Connection holder = dataSource.getConnection();
                ExecutorService clients = Executors.newFixedThreadPool(2)) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM refresh_token WHERE token_hash = ? FOR UPDATE")) {
                lock.setString(1, RefreshToken.hash(token));
                lock.executeQuery().close();
            }
            List<Future<Integer>> answers = List.of(
                    clients.submit(() -> api.refresh(token).returnResult().getStatus().value()),
                    clients.submit(() -> api.refresh(token).returnResult().getStatus().value()));
            await().atMost(Duration.ofSeconds(10)).until(this::refreshesWaitingForTheRow, waiting -> waiting == 2);
            holder.rollback();
            statuses = List.of(answers.get(0).get(), answers.get(1).get());
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 401);
    }

    private long refreshesWaitingForTheRow() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%refresh_token%'""")
                .query(Long.class).single();
    }

    private String registered() {
        String email = UserApi.uniqueEmail();
        api.register(email, PASSWORD, "Ann").expectStatus().isCreated();
        return email;
    }

    private String rotated(String refreshToken) {
        Map<String, Object> tokens = api.refresh(refreshToken).expectStatus().isOk().expectBody(UserApi.JSON)
                .returnResult().getResponseBody();
        return (String) tokens.get("refresh_token");
    }

    private Instant expiryOf(String refreshToken) {
        return jdbc.sql("SELECT expires_at FROM refresh_token WHERE token_hash = :hash")
                .param("hash", RefreshToken.hash(refreshToken))
                .query(Timestamp.class).single().toInstant();
    }
}
