package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPassphrase() {
        assertThat(PasswordPolicy.violation("correct-horse-battery", "ann@example.com")).isEmpty();
    }

    @Test
    void rejectsShortPasswordsCountingCodePoints() {
        assertThat(PasswordPolicy.violation("short-pw", "ann@example.com")).hasValue("must be at least 12 characters long");
        assertThat(PasswordPolicy.violation("買い物かごに入れた本と靴下", "ann@example.com")).isEmpty();
    }

    @Test
    void rejectsOverlongPasswords() {
        assertThat(PasswordPolicy.violation("x1".repeat(65), "ann@example.com")).hasValue("must be at most 128 characters long");
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.violation("Password1234", "ann@example.com")).hasValue("is one of the most commonly used passwords");
    }

    @Test
    void rejectsTheEmailAsPassword() {
        assertThat(PasswordPolicy.violation("Ann.Lee@Example.com", "ann.lee@example.com")).hasValue("must not be the email address");
    }

    @Test
    void rejectsPasswordsOfThreeCharactersRepeated() {
        assertThat(PasswordPolicy.violation("abcabcabcabcabc", "ann@example.com")).hasValue("must use more than three different characters");
    }
}
