package dev.kaimono.user.account;

import java.time.Clock;
import java.util.EnumSet;
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
        return accounts.byId(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
    }

    @Transactional
    public Account rename(UUID accountId, String name) {
        Account renamed = profile(accountId).rename(name, clock.instant());
        accounts.update(renamed);
        outbox.publish(UserProfileUpdated.TYPE, renamed.id().toString(),
                new UserProfileUpdated(renamed.id(), renamed.name(), renamed.updatedAt()));
        return renamed;
    }

    /** Creates the administrator account if it is missing, or grants ADMIN to an existing one. */
    @Transactional
    public Account ensureAdministrator(String email, String password) {
        return accounts.byEmail(email)
                .map(existing -> {
                    if (existing.hasRole(Role.ADMIN)) {
                        return existing;
                    }
                    Account promoted = existing.grant(Role.ADMIN, clock.instant());
                    accounts.update(promoted);
                    return promoted;
                })
                .orElseGet(() -> register(email, password, "Administrator", EnumSet.of(Role.CUSTOMER, Role.ADMIN)));
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
