package dev.kaimono.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kaimono.testsupport.MovableClock;
import dev.kaimono.user.UserApi;
import dev.kaimono.user.UserServiceOnMovableClock;

/** A refresh-token family lives at most 30 days from its login, and logging out ends it at once. */
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
