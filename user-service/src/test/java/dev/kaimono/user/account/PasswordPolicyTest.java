package dev.kaimono.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    void acceptsUpTo72BytesOfUtf8() {
        assertThat(PasswordPolicy.violation("ab1-".repeat(18), "ann@example.com")).isEmpty();
        assertThat(PasswordPolicy.violation("é€".repeat(14) + "ab", "ann@example.com")).isEmpty();
    }

    @Test
    void rejectsPasswordsOver72BytesOfUtf8ThatBcryptCannotHash() {
        String tooLong = "must be at most 72 bytes long in UTF-8: 72 plain ASCII characters, fewer with accented "
                + "letters (2 bytes each) or other scripts (3 or 4 bytes)";

        assertThat(PasswordPolicy.violation("ab1-".repeat(18) + "x", "ann@example.com")).hasValue(tooLong);
        assertThat(PasswordPolicy.violation("é€".repeat(14) + "abc", "ann@example.com")).hasValue(tooLong);
        assertThat(PasswordPolicy.violation("é€".repeat(30), "ann@example.com")).hasValue(tooLong);
    }

    @Test
    void rejectsCommonPasswordsWhateverTheirCase() {
        assertThat(PasswordPolicy.violation("Password1234", "ann@example.com")).hasValue("is one of the most commonly used passwords");
    }

    @Test
    void rejectsPasswordsFromTheBreachedPasswordListWhateverTheirCase() {
        assertThat(List.of("1qaz2wsx3edc", "leavemealone", "WhosYourDaddy", "sonyericsson", "counterstrike"))
                .allSatisfy(breached -> assertThat(PasswordPolicy.violation(breached, "ann@example.com"))
                        .as(breached).hasValue("is one of the most commonly used passwords"));
    }

    @Test
    void acceptsThePasswordsOurTestsAndLocalRunsUse() {
        assertThat(List.of("correct-horse-42", "kaimono-admin", "e2e-admin-password-1", "Tr0ub4dor&3-staple"))
                .allSatisfy(password -> assertThat(PasswordPolicy.violation(password, "ann@example.com")).as(password).isEmpty());
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
