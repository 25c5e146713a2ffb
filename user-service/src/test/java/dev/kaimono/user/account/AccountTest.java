package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

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
        UUID id = account.id();
        Instant later = NOW.plusSeconds(60);

        account.rename(" Ann Lee ", later);

        assertThat(account.id()).isEqualTo(id);
        assertThat(account.name()).isEqualTo("Ann Lee");
        assertThat(account.createdAt()).isEqualTo(NOW);
        assertThat(account.updatedAt()).isEqualTo(later);
    }

    @Test
    void refusesABlankName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Account.register("ann@example.com", "hash", " ", EnumSet.of(Role.CUSTOMER), NOW))
                .withMessage("An account needs a name");
    }

    @Test
    void refusesToBeRenamedToABlankName() {
        Account account = Account.register("ann@example.com", "hash", "Ann", EnumSet.of(Role.CUSTOMER), NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> account.rename(" ", NOW.plusSeconds(60)))
                .withMessage("An account needs a name");
        assertThat(account.name()).isEqualTo("Ann");
        assertThat(account.updatedAt()).isEqualTo(NOW);
    }
}
