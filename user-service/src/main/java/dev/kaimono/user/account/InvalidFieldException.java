package dev.kaimono.user.account;

/** A request field that passed its format checks but breaks a rule of the domain (answered 400). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
