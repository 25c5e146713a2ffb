package dev.kaimono.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.testsupport.MovableClock;
import dev.kaimono.user.UserApi;
import dev.kaimono.user.UserServiceOnMovableClock;

/** Five failed logins in a row lock an email, for 1 s, then 2 s, 4 s … up to 15 minutes; time is moved, not waited. */
@UserServiceOnMovableClock
class LoginBackoffIT {

    private static final String PASSWORD = "correct-horse-42";
    private static final String WRONG = "not-the-password";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    UserApi api;

    @BeforeEach
    void client() {
        api = new UserApi(port);
    }

    @Test
    void fiveFailuresInARowLockTheEmailAndEachFurtherFailureDoublesTheLockout() {
        String email = registered();

        failTimes(email, 5);

        assertThrottled(api.login(email, WRONG), 1);
        clock.advance(Duration.ofSeconds(1));
        api.login(email, WRONG).expectStatus().isUnauthorized();
        assertThrottled(api.login(email, WRONG), 2);
        clock.advance(Duration.ofSeconds(2));
        api.login(email.toUpperCase(), WRONG).expectStatus().isUnauthorized();
        assertThrottled(api.login(" " + email, WRONG), 4);
    }

    @Test
    void theRightPasswordIsRefusedDuringTheLockoutAndAcceptedAfterIt() {
        String email = registered();
        failTimes(email, 5);

        assertThrottled(api.login(email, PASSWORD), 1);
        clock.advance(Duration.ofMillis(999));
        assertThrottled(api.login(email, PASSWORD), 1);
        clock.advance(Duration.ofMillis(1));

        api.login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAfresh() {
        String email = registered();
        failTimes(email, 4);
        api.login(email, PASSWORD).expectStatus().isOk();

        failTimes(email, 4);
        api.login(email, PASSWORD).expectStatus().isOk();
        failTimes(email, 5);

        assertThrottled(api.login(email, PASSWORD), 1);
    }

    @Test
    void theLockoutStopsGrowingAtFifteenMinutes() {
        String email = registered();
        failTimes(email, 5);
        long lockout = 1;
        for (int failure = 6; failure <= 16; failure++) {
            clock.advance(Duration.ofSeconds(lockout));
            api.login(email, WRONG).expectStatus().isUnauthorized();
            lockout = retryAfter(api.login(email, WRONG));
        }

        assertThat(lockout).isEqualTo(Duration.ofMinutes(15).toSeconds());
    }

    @Test
    void anUnknownEmailIsLockedExactlyLikeAnAccount() {
        String account = registered();
        String unknown = UserApi.uniqueEmail();
        failTimes(account, 5);
        failTimes(unknown, 5);

        Map<String, Object> forAccount = assertThrottled(api.login(account, PASSWORD), 1);
        Map<String, Object> forUnknown = assertThrottled(api.login(unknown, PASSWORD), 1);

        assertThat(forUnknown).isEqualTo(forAccount);
    }

    @Test
    void emailsAreStoredOnlyAsHashesAndForgottenAfterADayWithoutAttempts() {
        String email = registered();
        failTimes(email, 5);
        assertThat(jdbc.sql("SELECT count(*) FROM login_attempts WHERE email_hash LIKE '%@%'").query(Long.class).single())
                .isZero();

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        int forgotten = throttle.forgetQuietSince(clock.instant().minus(Duration.ofHours(24)));

        assertThat(forgotten).isPositive();
        failTimes(email, 4);
        api.login(email, PASSWORD).expectStatus().isOk();
    }

    private String registered() {
        String email = UserApi.uniqueEmail();
        api.register(email, PASSWORD, "Ann").expectStatus().isCreated();
        return email;
    }

    private void failTimes(String email, int times) {
        for (int i = 0; i < times; i++) {
            api.login(email, WRONG).expectStatus().isUnauthorized();
        }
    }

    private static Map<String, Object> assertThrottled(RestTestClient.ResponseSpec response, long retryAfterSeconds) {
        Map<String, Object> problem = response
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", Long.toString(retryAfterSeconds))
                .expectBody(UserApi.JSON).returnResult().getResponseBody();
        assertThat(problem).containsEntry("title", "Too many failed logins").containsEntry("status", 429);
        return problem;
    }

    private static long retryAfter(RestTestClient.ResponseSpec response) {
        return Long.parseLong(response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .returnResult(String.class).getResponseHeaders().getFirst("Retry-After"));
    }
}
