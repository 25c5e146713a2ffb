package dev.kaimono.load.books;

import java.util.Objects;

/**
 * The outcome of one invariant of the books.
 *
 * @param invariant what was checked
 * @param outcome   PASS, FAIL, or SKIP when the check needs data this run did not give
 * @param detail    the numbers behind the outcome, or the first offenders
 */
public record Verdict(Invariant invariant, Outcome outcome, String detail) {

    public enum Outcome {
        PASS, FAIL, SKIP
    }

    public Verdict {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static Verdict pass(Invariant invariant, String detail) {
        return new Verdict(invariant, Outcome.PASS, detail);
    }

    static Verdict fail(Invariant invariant, String detail) {
        return new Verdict(invariant, Outcome.FAIL, detail);
    }

    static Verdict skip(Invariant invariant, String detail) {
        return new Verdict(invariant, Outcome.SKIP, detail);
    }

    /** Passes when nothing offends, fails naming the first few offenders otherwise. */
    static Verdict of(Invariant invariant, java.util.List<String> offenders, String whenBalanced) {
        if (offenders.isEmpty()) {
            return pass(invariant, whenBalanced);
        }
        String shown = String.join("; ", offenders.subList(0, Math.min(5, offenders.size())));
        return fail(invariant, offenders.size() + " offending: " + shown + (offenders.size() > 5 ? "; …" : ""));
    }

    /** One line of the report: {@code PASS  stock balanced  200 products …}. */
    String line() {
        return "%-4s  %-36s %s".formatted(outcome, invariant.title(), detail);
    }
}
