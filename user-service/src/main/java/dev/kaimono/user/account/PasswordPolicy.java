package dev.kaimono.user.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nulabinc.zxcvbn.StandardDictionaries;

/**
 * What makes a password acceptable, after NIST SP 800-63B: long enough, no longer than bcrypt can
 * hash, not a password everybody tries first, and not the account's own email. No composition rules.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt hashes at most 72 bytes of a password and refuses longer ones rather than ignore the rest. */
    static final int MAX_BYTES = 72;
    static final String TOO_SHORT = "must be at least " + MIN_LENGTH + " characters long";
    static final String TOO_LONG = "must be at most " + MAX_BYTES + " bytes long in UTF-8: " + MAX_BYTES
            + " plain ASCII characters, fewer with accented letters (2 bytes each) or other scripts (3 or 4 bytes)";

    private static final Set<String> OUR_OWN = Set.of("password1234", "123456789012", "qwertyuiop12",
            "passwordpassword", "iloveyou1234", "111111111111", "abcdefghijkl", "letmein12345",
            "administrator", "welcome12345", "password123!", "qwerty123456");

    /**
     * Passwords attackers try first, lower case: zxcvbn's ranked list of the 30,000 most frequent
     * passwords in Mark Burnett's 10-million-password corpus collected from public leaks (shipped in
     * zxcvbn4j), plus a few of our own; only those at least {@link #MIN_LENGTH} long, as shorter ones
     * fail the length rule anyway.
     */
    private static final Set<String> COMMON = common();

    private PasswordPolicy() {
    }

    /** The reason this password is refused, or empty when it is acceptable. */
    static Optional<String> violation(String password, String email) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most commonly used passwords");
        }
        if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("must not be the email address");
        }
        if (lower.codePoints().distinct().count() < 4) {
            return Optional.of("must use more than three different characters");
        }
        return Optional.empty();
    }

    private static Set<String> common() {
        try {
            return Stream.concat(StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies().stream(), OUR_OWN.stream())
                    .map(password -> password.toLowerCase(Locale.ROOT))
                    .filter(password -> password.codePointCount(0, password.length()) >= MIN_LENGTH)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read zxcvbn's password list", e);
        }
    }
}
