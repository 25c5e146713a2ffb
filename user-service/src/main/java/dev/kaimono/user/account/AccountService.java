package dev.kaimono.user.account;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kaimono.events.UserProfileUpdated;
import dev.kaimono.events.UserRegistered;
import dev.kaimono.messaging.Outbox;

/**
 * Use cases of accounts: register, read and rename a profile, make sure an administrator exists.
 * Each change publishes its integration event through the outbox, in the same transaction.
 */
@Service
public class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final Outbox outbox;
    private final Clock clock;

    AccountService(Accounts accounts, PasswordEncoder passwordEncoder, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account register(String email, String password, String name) {
        return register(email, password, name, EnumSet.of(Role.CUSTOMER));
    }

    @Transactional(readOnly = true)
    public Account profile(UUID accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    /** Renames the account; the new name is written when the transaction commits, with its event. */
    @Transactional
    public Account rename(UUID accountId, String name) {
        Account account = profile(accountId);
        account.rename(name, clock.instant());
        outbox.publish(UserProfileUpdated.TYPE, account.id().toString(),
                new UserProfileUpdated(account.id(), account.name(), account.updatedAt()));
        return account;
    }

    /**
     * Creates the first administrator unless an account already holds the ADMIN role. Never grants ADMIN
     * to an existing account: whoever registered the configured email first would otherwise become
     * administrator with their own password. Instances starting together queue on a database lock, so
     * exactly one of them creates the administrator and the others find it.
     *
     * @throws EmailAlreadyRegisteredException when no administrator exists and a non-administrator
     *         account already uses the email
     */
    @Transactional
    public FirstAdministrator ensureAdministrator(String email, String password) {
        accounts.lockFirstAdministrator();
        return accounts.anyAdministrator()
                .map(existing -> new FirstAdministrator(existing, false))
                .orElseGet(() -> new FirstAdministrator(
                        register(email, password, "Administrator", EnumSet.of(Role.CUSTOMER, Role.ADMIN)), true));
    }

    /** The oldest administrator, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Account> anyAdministrator() {
        return accounts.anyAdministrator();
    }

    /** The administrator start-up found, and whether it was created just now. */
    public record FirstAdministrator(Account account, boolean created) {
    }

    private Account register(String email, String password, String name, Set<Role> roles) {
        PasswordPolicy.violation(password, email).ifPresent(reason -> {
            throw new InvalidFieldException("password", reason);
        });
        Account account = Account.register(email, passwordEncoder.encode(password), name, roles, clock.instant());
        accounts.add(account);
        outbox.publish(UserRegistered.TYPE, account.id().toString(),
                new UserRegistered(account.id(), account.email(), account.name(), account.createdAt()));
        return account;
    }
}
