package dev.kaimono.user.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first administrator exists at start, from {@code KAIMONO_ADMIN_EMAIL} and
 * {@code KAIMONO_ADMIN_PASSWORD}. The password is required: only the {@code local} profile has a
 * default, so no deployment ships with a built-in admin password.
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
        if (properties.password() == null || properties.password().isBlank()) {
            throw new IllegalStateException("No administrator password: set KAIMONO_ADMIN_PASSWORD "
                    + "(kaimono.admin.password). Only the 'local' profile has a default.");
        }
        Account admin = accounts.ensureAdministrator(properties.email(), properties.password());
        log.info("Administrator account is {}", admin.email());
    }

    /** The first administrator's credentials. */
    @ConfigurationProperties("kaimono.admin")
    record AdminProperties(String email, String password) {
    }
}
