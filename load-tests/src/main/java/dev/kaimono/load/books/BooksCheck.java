package dev.kaimono.load.books;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The books check every load or fault run ends with. It waits (up to {@link BooksSettings#settleTimeout()})
 * until the platform is quiet — every accepted order settled, every saga ended, outboxes published, queues
 * empty — then judges the books once and prints one PASS/FAIL/SKIP line per {@link Invariant}.
 *
 * <p>Run: {@code ./mvnw -B -q -pl load-tests compile exec:java} (settings: see {@link BooksSettings}). Exits 0
 * when the books balance, 1 when an invariant fails, 2 when the books cannot be read.
 */
public final class BooksCheck {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private BooksCheck() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(BooksSettings.fromEnvironment(), System.out).exitCode();
        } catch (RuntimeException e) {
            System.out.println("FAIL  books readable                       " + e.getMessage());
            status = 2;
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * Waits for the platform to settle, judges the books, prints the report to {@code out} and returns it; dead
     * letters planted on purpose are named by {@code -Dkaimono.plantedDeadLetters}.
     */
    public static BooksReport run(BooksSettings settings, PrintStream out) {
        return run(settings, plantedDeadLetters(System.getProperty("kaimono.plantedDeadLetters", "")), out);
    }

    /**
     * The same, with the dead letters planted on purpose given here: each named dead-letter queue must hold exactly
     * that many messages, every other one none.
     */
    public static BooksReport run(BooksSettings settings, Map<String, Long> planted, PrintStream out) {
        out.println("Books check: " + settings.describe());
        Optional<Map<UUID, Integer>> initialStock = settings.initialStock().map(InitialStockFile::read);
        LedgerReader ledgers = new LedgerReader(settings);
        Optional<Map<UUID, Map<UUID, Integer>>> accepted = settings.acceptedOrders().map(file -> {
            Map<UUID, Map<UUID, Integer>> orders = AcceptedOrdersFile.read(file);
            return AcceptedOrdersFile.readUnanswered(file)
                    .map(unanswered -> withPlacedUnanswered(orders, unanswered, ledgers.ordersByIdempotencyKey(), out))
                    .orElse(orders);
        });

        long start = System.nanoTime();
        long deadline = start + settings.settleTimeout().toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        Audit audit;
        while (true) {
            // The broker is asked only once the databases look quiet: rabbitmqctl takes a second or two.
            audit = new Audit(ledgers.read(false), accepted, initialStock, planted);
            List<String> motion = audit.motion();
            if (motion.isEmpty()) {
                audit = new Audit(ledgers.read(true), accepted, initialStock, planted);
                motion = audit.motion();
                if (motion.isEmpty()) {
                    break;
                }
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                out.println("Still moving after %d s: %s".formatted(settings.settleTimeout().toSeconds(), String.join(", ", motion)));
                audit = new Audit(ledgers.read(true), accepted, initialStock, planted);
                break;
            }
            if (now >= nextProgress) {
                out.println("Waiting for the platform to settle: " + String.join(", ", motion));
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
            pause();
        }
        BooksReport report = new BooksReport(audit.verdicts(Duration.ofNanos(System.nanoTime() - start)));
        out.println(report.render());
        return report;
    }

    /**
     * The accepted orders and those of the unanswered POSTs (by Idempotency-Key) that placed an order all the same:
     * the client never learned their ids, but they are orders the run sent, so every invariant covers them too.
     */
    static Map<UUID, Map<UUID, Integer>> withPlacedUnanswered(Map<UUID, Map<UUID, Integer>> accepted,
            Map<UUID, Map<UUID, Integer>> unanswered, Map<UUID, UUID> ordersByKey, PrintStream out) {
        Map<UUID, Map<UUID, Integer>> orders = new LinkedHashMap<>(accepted);
        int placed = 0;
        for (Map.Entry<UUID, Map<UUID, Integer>> post : unanswered.entrySet()) {
            UUID order = ordersByKey.get(post.getKey());
            if (order != null) {
                placed++;
                orders.putIfAbsent(order, post.getValue());
            }
        }
        out.println("%d order POSTs went unanswered (no answer or 5xx): %d placed their order all the same (checked with the accepted ones), %d did not"
                .formatted(unanswered.size(), placed, unanswered.size() - placed));
        return orders;
    }

    /**
     * Dead letters a fault run planted on purpose, {@code -Dkaimono.plantedDeadLetters=<queue>.dlq=<count>,...}: the
     * no-dead-letters invariant then asks for exactly that many there.
     */
    static Map<String, Long> plantedDeadLetters(String spec) {
        Map<String, Long> planted = new TreeMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] queueAndCount = entry.strip().split("=", 2);
            if (queueAndCount.length != 2 || !Audit.isDeadLetterQueue(queueAndCount[0])
                    || !queueAndCount[1].matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("kaimono.plantedDeadLetters wants <queue>.dlq=<count>, not '" + entry + "'");
            }
            planted.merge(queueAndCount[0], Long.parseLong(queueAndCount[1]), Long::sum);
        }
        return planted;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the platform to settle", e);
        }
    }
}
