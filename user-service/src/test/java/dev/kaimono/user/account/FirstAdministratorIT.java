package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first administrator comes from configuration and nowhere else. Each test starts from a database without
 * any administrator, as on a first deployment.
 */
@AccountsWithOutbox
class FirstAdministratorIT {

    private static final String PASSWORD = "correct-horse-42";

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noAdministratorYet() {
        jdbc.sql("DELETE FROM account WHERE 'ADMIN' = ANY (roles)").update();
    }

    @Test
    void createsTheAdministratorFromConfigurationWhenNoneExists() {
        String email = uniqueEmail();

        startWith(email, "admin-password-1");

        assertThat(accounts.anyAdministrator()).get().satisfies(admin -> {
            assertThat(admin.email()).isEqualTo(email);
            assertThat(admin.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.CUSTOMER);
        });
    }

    @Test
    void refusesToStartRatherThanPromoteAShopperWhoRegisteredTheAdminEmail() {
        String email = uniqueEmail();
        Account shopper = accounts.register(email, PASSWORD, "Mallory");

        assertThatIllegalStateException()
                .isThrownBy(() -> startWith(email, "admin-password-1"))
                .withMessageContaining("KAIMONO_ADMIN_EMAIL")
                .withMessageContaining("already belongs to an account that is not an administrator")
                .withMessageContaining("remove or rename that account");

        assertThat(accounts.profile(shopper.id()).roles()).containsExactly(Role.CUSTOMER);
        assertThat(accounts.anyAdministrator()).isEmpty();
    }

    @Test
    void leavesEverythingAloneOnceAnAdministratorExists() {
        String first = uniqueEmail();
        String second = uniqueEmail();
        Account shopper = accounts.register(second, PASSWORD, "Ann");
        startWith(first, "admin-password-1");

        startWith(second, "another-admin-password-2");
        startWith(uniqueEmail(), null);

        assertThat(administratorEmails()).containsExactly(first);
        assertThat(accounts.profile(shopper.id()).roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void refusesToStartWithoutAPasswordWhenAnAdministratorMustBeCreated() {
        assertThatIllegalStateException()
                .isThrownBy(() -> startWith(uniqueEmail(), " "))
                .withMessageContaining("KAIMONO_ADMIN_PASSWORD");
        assertThat(accounts.anyAdministrator()).isEmpty();
    }

    @Test
    void instancesStartingTogetherCreateExactlyOneAdministrator() throws Exception {
        String sameEmail = uniqueEmail();
        List<String> emails = List.of(sameEmail, sameEmail, uniqueEmail(), uniqueEmail());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService instances = Executors.newFixedThreadPool(emails.size())) {
            List<Future<Void>> started = emails.stream()
                    .map(email -> instances.submit((Callable<Void>) () -> {
                        start.await();
                        startWith(email, "admin-password-1");
                        return null;
                    }))
                    .toList();
            start.countDown();
            for (Future<Void> instance : started) {
                instance.get();
            }
        }

        assertThat(administratorEmails()).singleElement().isIn(emails);
    }

    private void startWith(String email, String password) {
        new AdministratorAccount(accounts, new AdministratorAccount.AdminProperties(email, password))
                .run(new DefaultApplicationArguments());
    }

    private List<String> administratorEmails() {
        return jdbc.sql("SELECT email FROM account WHERE 'ADMIN' = ANY (roles)").query(String.class).list();
    }

    private static String uniqueEmail() {
        return "admin-" + UUID.randomUUID() + "@example.com";
    }
}
