package dev.kaimono.order.application;

import java.util.List;

/** A request that cannot be carried out as sent (HTTP 400, naming the fields). */
public class InvalidOrderRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidOrderRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.message()).toList().toString());
        this.problems = List.copyOf(problems);
    }

    public static InvalidOrderRequestException of(String field, String message) {
        return new InvalidOrderRequestException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
