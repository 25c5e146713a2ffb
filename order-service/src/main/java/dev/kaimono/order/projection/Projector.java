package dev.kaimono.order.projection;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kaimono.order.application.EventStream;
import dev.kaimono.order.application.OrderEventStore;
import dev.kaimono.order.domain.OrderId;

/**
 * Catches projections up with the event store. Each batch runs in one transaction that holds the
 * projections' advisory locks (so one instance at a time works on a projection), reads the events after
 * their checkpoint, rewrites the rows of the orders they belong to, and moves the checkpoints:
 * read model and checkpoint always agree, so a crash repeats at most an uncommitted batch.
 *
 * <p>The feed is ordered by (writing transaction id, position) and only returns events of transactions
 * older than the oldest one still running ({@code pg_snapshot_xmin}). Positions come from a sequence and
 * commit out of order; reading by position alone would skip an event whose transaction commits after a
 * later position was read. The price is that one long transaction anywhere on the server holds the feed
 * back until it ends.
 */
@Component
public class Projector {

    private final JdbcClient jdbc;
    private final OrderEventStore store;
    private final TransactionTemplate transactions;
    private final Map<String, Projection> projections;
    private final Clock clock;
    private final int batchSize;

    Projector(JdbcClient jdbc, OrderEventStore store, PlatformTransactionManager transactionManager, List<Projection> projections,
            Clock clock, ProjectionSettings settings) {
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.projections = projections.stream().collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
        this.clock = clock;
        this.batchSize = settings.batchSize();
    }

    /** Batch size of the projector. */
    public record ProjectionSettings(int batchSize) {
    }

    /** Where a projection is in the feed. */
    public record Checkpoint(String projection, String transactionId, long position) {

        private Position at() {
            return new Position(transactionId, position);
        }
    }

    /** A place in the feed: after the event at {@code position} of the transaction {@code transactionId}. */
    private record Position(String transactionId, long position) {
    }

    public Set<String> names() {
        return projections.keySet();
    }

    /**
     * Catches every projection up as far as the feed allows. Each round is one transaction over every projection
     * this instance can lock; those at the same checkpoint (all of them, but for one being rebuilt or catching up)
     * share one read of the feed and one load of each order's stream.
     *
     * @return events projected, counted once however many projections took them
     */
    public int catchUpAll() {
        int total = 0;
        int projected;
        do {
            projected = transactions.execute(status -> round());
            total += projected;
        } while (projected == batchSize);
        return total;
    }

    /** @return the most events any projection took in this round */
    private int round() {
        Map<Position, List<Projection>> byPosition = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT name, transaction_id::text AS transaction_id, global_position FROM projection_checkpoint
                WHERE name IN (:names) AND pg_try_advisory_xact_lock(hashtext('kaimono.order.projection.' || name))
                ORDER BY name""")
                .param("names", projections.keySet())
                .query((row, n) -> new Checkpoint(row.getString("name"), row.getString("transaction_id"), row.getLong("global_position")))
                .list()
                .forEach(checkpoint -> byPosition.computeIfAbsent(checkpoint.at(), at -> new ArrayList<>())
                        .add(projections.get(checkpoint.projection())));
        int most = 0;
        for (Map.Entry<Position, List<Projection>> group : byPosition.entrySet()) {
            most = Math.max(most, batch(group.getValue(), group.getKey()));
        }
        return most;
    }

    /**
     * Empties the projection's read model and replays every event into it, in one transaction: readers see
     * the old rows until the new ones commit. Waits for a batch in progress on another instance.
     *
     * @return the events replayed and the checkpoint reached
     */
    public Rebuilt rebuild(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new UnknownProjectionException(name);
        }
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('kaimono.order.projection.' || :name))").param("name", name)
                    .query((row, n) -> 1).list();
            projection.reset();
            jdbc.sql("UPDATE projection_checkpoint SET transaction_id = '0', global_position = 0, updated_at = :now WHERE name = :name")
                    .param("now", Timestamp.from(clock.instant())).param("name", name).update();
            int replayed = 0;
            int projected;
            do {
                projected = batch(List.of(projection), checkpoint(name).at());
                replayed += projected;
            } while (projected == batchSize);
            return new Rebuilt(name, replayed, checkpoint(name));
        });
    }

    public List<Checkpoint> checkpoints() {
        return projections.keySet().stream().sorted().map(this::checkpoint).toList();
    }

    /** The result of a rebuild. */
    public record Rebuilt(String projection, int eventsReplayed, Checkpoint checkpoint) {
    }

    /** Projects the next batch of the feed after {@code from} into each projection of the group, all of them at {@code from}. */
    private int batch(List<Projection> group, Position from) {
        List<FeedEntry> feed = jdbc.sql("""
                SELECT transaction_id::text AS transaction_id, global_position, aggregate_id FROM order_event
                WHERE (transaction_id, global_position) > (CAST(:transactionId AS xid8), :position)
                  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY transaction_id, global_position
                LIMIT :limit""")
                .param("transactionId", from.transactionId())
                .param("position", from.position())
                .param("limit", batchSize)
                .query((row, n) -> new FeedEntry(row.getString("transaction_id"), row.getLong("global_position"),
                        row.getObject("aggregate_id", UUID.class)))
                .list();
        if (feed.isEmpty()) {
            return 0;
        }
        Set<UUID> orders = new LinkedHashSet<>(feed.stream().map(FeedEntry::aggregateId).toList());
        for (UUID order : orders) {
            EventStream stream = store.load(new OrderId(order));
            group.forEach(projection -> projection.project(stream.order(), stream.version()));
        }
        FeedEntry last = feed.getLast();
        jdbc.sql("""
                UPDATE projection_checkpoint SET transaction_id = CAST(:transactionId AS xid8), global_position = :position,
                    updated_at = :now WHERE name IN (:names)""")
                .param("transactionId", last.transactionId())
                .param("position", last.position())
                .param("now", Timestamp.from(clock.instant()))
                .param("names", group.stream().map(Projection::name).toList())
                .update();
        return feed.size();
    }

    private Checkpoint checkpoint(String name) {
        return jdbc.sql("SELECT name, transaction_id::text AS transaction_id, global_position FROM projection_checkpoint WHERE name = :name")
                .param("name", name)
                .query((row, n) -> new Checkpoint(row.getString("name"), row.getString("transaction_id"), row.getLong("global_position")))
                .single();
    }

    private record FeedEntry(String transactionId, long position, UUID aggregateId) {
    }
}
