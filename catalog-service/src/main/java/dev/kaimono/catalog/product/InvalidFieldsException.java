package dev.kaimono.catalog.product;

import java.util.List;

/** Input that breaks a rule of the catalog, naming every offending field (answered 400). */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super("Invalid fields: " + String.join(", ", problems.stream().map(FieldProblem::field).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
