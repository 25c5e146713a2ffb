package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void registrationTrimsEmailAndName() {
        Account account = Account.register("  ann@example.com ", "hash", " Ann ", EnumSet.of(Role.CUSTOMER), NOW);

        assertThat(account.email()).isEqualTo("ann@example.com");
        assertThat(account.name()).isEqualTo("Ann");
        assertThat(account.roles()).containsExactly(Role.CUSTOMER);
        assertThat(account.createdAt()).isEqualTo(NOW);
    }

    @Test
    void renameKeepsIdentityAndMovesUpdatedAt() {
        Account account = Account.register("ann@example.com", "hash", "Ann", EnumSet.of(Role.CUSTOMER), NOW);
        Instant later = NOW.plusSeconds(60);

        Account renamed = account.rename("Ann Lee", later);

        assertThat(renamed.id()).isEqualTo(account.id());
        assertThat(renamed.name()).isEqualTo("Ann Lee");
        assertThat(renamed.createdAt()).isEqualTo(NOW);
        assertThat(renamed.updatedAt()).isEqualTo(later);
    }

    @Test
    void refusesABlankName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Account.register("ann@example.com", "hash", " ", EnumSet.of(Role.CUSTOMER), NOW))
                .withMessage("An account needs a name");
    }
}
