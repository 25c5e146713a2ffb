package dev.kaimono.user.auth;

/** Login or refresh refused; deliberately says nothing about which part was wrong (answered 401). */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException(String message) {
        super(message);
    }
}
