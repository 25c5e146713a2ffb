package dev.kaimono.user.account;

/** Registration with an email that already belongs to an account (answered 409). */
public class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException(String email) {
        super("An account with email " + email + " already exists");
    }
}
