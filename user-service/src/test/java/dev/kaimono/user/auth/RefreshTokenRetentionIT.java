package dev.kaimono.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.testsupport.MovableClock;
import dev.kaimono.user.UserApi;
import dev.kaimono.user.UserServiceOnMovableClock;

/** Refresh tokens are deleted a day after they expired, never earlier; time is moved, not waited. */
@UserServiceOnMovableClock
class RefreshTokenRetentionIT {

    private static final String PASSWORD = "correct-horse-42";
    private static final Duration TOKEN_TTL = Duration.ofDays(30);
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    TokenService tokens;

    @Autowired
    RefreshTokenRetentionProperties retention;

    @Autowired
    JdbcClient jdbc;

    UserApi api;

    @BeforeEach
    void client() {
        api = new UserApi(port);
    }

    @Test
    void deletesTokensADayAfterTheyExpiredAndKeepsTheRest() {
        String email = UserApi.uniqueEmail();
        api.register(email, PASSWORD, "Ann").expectStatus().isCreated();
        String expiredLongAgo = api.refreshTokenOf(email, PASSWORD);
        clock.advance(Duration.ofHours(2));
        String expiredRecently = api.refreshTokenOf(email, PASSWORD);
        clock.advance(TOKEN_TTL.plus(KEPT_AFTER_EXPIRY).minusHours(1));
        String live = api.refreshTokenOf(email, PASSWORD);

        int deleted = tokens.forgetExpiredBefore(clock.instant().minus(retention.keepExpiredFor()), retention.batchSize());

        assertThat(deleted).as("tokens deleted (other tests' tokens may have expired too)").isPositive();
        assertThat(stored(expiredLongAgo)).as("expired a day and an hour ago").isFalse();
        assertThat(stored(expiredRecently)).as("expired an hour ago").isTrue();
        assertThat(stored(live)).as("not expired").isTrue();
        api.refresh(live).expectStatus().isOk();
    }

    @Test
    void deletesNoMoreThanOneBatchAtATime() {
        String email = UserApi.uniqueEmail();
        api.register(email, PASSWORD, "Ann").expectStatus().isCreated();
        api.refreshTokenOf(email, PASSWORD);
        api.refreshTokenOf(email, PASSWORD);
        clock.advance(TOKEN_TTL.plus(KEPT_AFTER_EXPIRY).plusSeconds(1));

        assertThat(tokens.forgetExpiredBefore(clock.instant().minus(KEPT_AFTER_EXPIRY), 1)).isOne();
    }

    private boolean stored(String token) {
        return jdbc.sql("SELECT count(*) FROM refresh_token WHERE token_hash = :hash").param("hash", RefreshToken.hash(token))
                .query(Long.class).single() == 1;
    }
}
