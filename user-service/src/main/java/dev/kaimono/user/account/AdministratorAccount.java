package dev.kaimono.user.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator at start, from {@code KAIMONO_ADMIN_EMAIL} and
 * {@code KAIMONO_ADMIN_PASSWORD}, when no account holds the ADMIN role yet; once one does, both
 * settings are ignored. An existing account is never promoted: start-up fails instead when the
 * configured email belongs to one. The password is required only to create the administrator, and
 * only the {@code local} profile has a default, so no deployment ships with a built-in admin password.
 */
@Component
@EnableConfigurationProperties(AdministratorAccount.AdminProperties.class)
class AdministratorAccount implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

    private final AccountService accounts;
    private final AdminProperties properties;

    AdministratorAccount(AccountService accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = accounts.anyAdministrator();
        if (existing.isPresent()) {
            log.info("An administrator exists ({}): KAIMONO_ADMIN_EMAIL and KAIMONO_ADMIN_PASSWORD are not used",
                    existing.get().email());
            return;
        }
        if (properties.password() == null || properties.password().isBlank()) {
            throw new IllegalStateException("No administrator exists and KAIMONO_ADMIN_PASSWORD "
                    + "(kaimono.admin.password) is not set: set it to create the first administrator "
                    + properties.email() + ". Only the 'local' profile has a default.");
        }
        AccountService.FirstAdministrator admin;
        try {
            admin = accounts.ensureAdministrator(properties.email(), properties.password());
        } catch (EmailAlreadyRegisteredException e) {
            throw new IllegalStateException("Cannot create the first administrator: the email " + properties.email()
                    + " of KAIMONO_ADMIN_EMAIL (kaimono.admin.email) already belongs to an account that is not an "
                    + "administrator, and user-service never grants ADMIN to an existing account. Set "
                    + "KAIMONO_ADMIN_EMAIL to an address no account uses, or remove or rename that account, "
                    + "then start again.", e);
        } catch (InvalidFieldException e) {
            throw new IllegalStateException("Cannot create the first administrator: KAIMONO_ADMIN_PASSWORD "
                    + "(kaimono.admin.password) " + e.getMessage() + ".", e);
        }
        if (admin.created()) {
            log.info("Created the first administrator {}", admin.account().email());
        } else {
            log.info("An administrator exists ({}), created by another instance starting at the same time",
                    admin.account().email());
        }
    }

    /** The first administrator's credentials. */
    @ConfigurationProperties("kaimono.admin")
    record AdminProperties(String email, String password) {
    }
}
