package dev.kaimono.load.books;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/** The verdicts of one books check, in the order they were checked. */
public record BooksReport(List<Verdict> verdicts) {

    public BooksReport {
        verdicts = List.copyOf(verdicts);
    }

    /** True when no invariant failed (a skipped one does not fail the books). */
    public boolean balanced() {
        return verdicts.stream().noneMatch(verdict -> verdict.outcome() == Verdict.Outcome.FAIL);
    }

    /** 0 when the books balance, 1 otherwise: the exit status of the command. */
    public int exitCode() {
        return balanced() ? 0 : 1;
    }

    public Verdict verdict(Invariant invariant) {
        return verdicts.stream().filter(verdict -> verdict.invariant() == invariant).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No invariant named " + invariant));
    }

    /** One PASS/FAIL/SKIP line per invariant, then the overall result. */
    public String render() {
        long failed = verdicts.stream().filter(verdict -> verdict.outcome() == Verdict.Outcome.FAIL).count();
        return verdicts.stream().map(Verdict::line).collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator()
                + (failed == 0 ? "BOOKS BALANCED" : "BOOKS DO NOT BALANCE: %d invariant(s) failed".formatted(failed));
    }
}
