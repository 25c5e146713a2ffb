package dev.kaimono.order.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kaimono.order.application.ConcurrencyConflictException;
import dev.kaimono.order.application.saga.PlaceOrderSagas;
import dev.kaimono.order.domain.CancellationReason;
import dev.kaimono.order.domain.CustomerId;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.OrderCommand;
import dev.kaimono.order.domain.OrderId;
import dev.kaimono.order.domain.PaymentMethod;
import dev.kaimono.order.domain.ProductId;
import dev.kaimono.order.domain.saga.PlaceOrderSagaState;
import dev.kaimono.order.domain.saga.SagaCommand;
import dev.kaimono.order.domain.saga.SagaStep;
import dev.kaimono.order.domain.saga.SagaSubject;
import dev.kaimono.order.domain.saga.StockLine;
import dev.kaimono.order.domain.saga.Transition;
import tools.jackson.databind.json.JsonMapper;

/** {@link PlaceOrderSagas} on {@code place_order_saga} and {@code place_order_saga_transition}. */
@Repository
class JdbcPlaceOrderSagas implements PlaceOrderSagas {

    private static final JsonMapper JSON = StoredJson.JSON;
    private static final String WAITING = "state IN ('AWAITING_STOCK', 'AWAITING_PAYMENT')";

    private final JdbcClient jdbc;

    JdbcPlaceOrderSagas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(PlaceOrderSagaState saga) {
        jdbc.sql("""
                INSERT INTO place_order_saga (order_id, customer_id, state, attempts, deadline_at, payment_method, data,
                    started_at, updated_at, version)
                VALUES (:id, :customer, :state, :attempts, :deadline, :paymentMethod, :data, :started, :updated, 1)""")
                .param("id", saga.orderId().value())
                .param("customer", saga.customerId().value())
                .param("state", saga.step().name())
                .param("attempts", saga.attempts())
                .param("deadline", timestamp(saga.deadlineAt().orElse(null)))
                .param("paymentMethod", saga.paymentMethod().value())
                .param("data", JSON.writeValueAsString(Data.of(saga)))
                .param("started", timestamp(saga.startedAt()))
                .param("updated", timestamp(saga.updatedAt()))
                .update();
    }

    @Override
    public Optional<PlaceOrderSagaState> lock(OrderId orderId) {
        return jdbc.sql("SELECT * FROM place_order_saga WHERE order_id = :id FOR UPDATE")
                .param("id", orderId.value()).query((row, n) -> saga(row)).optional();
    }

    @Override
    public void update(PlaceOrderSagaState saga) {
        int updated = jdbc.sql("""
                UPDATE place_order_saga SET state = :state, attempts = :attempts, deadline_at = :deadline, data = :data,
                    updated_at = :updated, version = version + 1
                WHERE order_id = :id AND version = :version""")
                .param("state", saga.step().name())
                .param("attempts", saga.attempts())
                .param("deadline", timestamp(saga.deadlineAt().orElse(null)))
                .param("data", JSON.writeValueAsString(Data.of(saga)))
                .param("updated", timestamp(saga.updatedAt()))
                .param("id", saga.orderId().value())
                .param("version", saga.version())
                .update();
        if (updated != 1) {
            throw new ConcurrencyConflictException(saga.orderId(), saga.version(), null);
        }
    }

    @Override
    public List<OrderId> overdue(Instant now, int limit) {
        return jdbc.sql("SELECT order_id FROM place_order_saga WHERE deadline_at <= :now ORDER BY deadline_at LIMIT :limit")
                .param("now", timestamp(now)).param("limit", limit)
                .query((row, n) -> new OrderId(row.getObject("order_id", UUID.class))).list();
    }

    @Override
    public Optional<PlaceOrderSagaState> lockIfOverdue(OrderId orderId, Instant now) {
        return jdbc.sql("SELECT * FROM place_order_saga WHERE order_id = :id AND deadline_at <= :now FOR UPDATE SKIP LOCKED")
                .param("id", orderId.value()).param("now", timestamp(now))
                .query((row, n) -> saga(row)).optional();
    }

    @Override
    public void postpone(OrderId orderId, Instant until) {
        jdbc.sql("UPDATE place_order_saga SET deadline_at = :until WHERE order_id = :id AND " + WAITING)
                .param("until", timestamp(until)).param("id", orderId.value()).update();
    }

    @Override
    public void record(Transition transition, Instant at) {
        jdbc.sql("""
                INSERT INTO place_order_saga_transition (order_id, from_state, to_state, trigger, commands, order_command,
                    attempts, occurred_at)
                VALUES (:id, :from, :to, :trigger, :commands, :orderCommand, :attempts, :at)""")
                .param("id", transition.to().orderId().value())
                .param("from", transition.from().map(from -> from.step().name()).orElse(null))
                .param("to", transition.to().step().name())
                .param("trigger", transition.trigger())
                .param("commands", String.join(",", transition.commands().stream().map(SagaCommand::name).toList()))
                .param("orderCommand", transition.orderCommand().map(OrderCommand::name).orElse(null))
                .param("attempts", transition.to().attempts())
                .param("at", timestamp(at))
                .update();
    }

    @Override
    public List<PlaceOrderSagaState> list(SagaStep step, Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM place_order_saga WHERE (CAST(:state AS TEXT) IS NULL OR state = :state)
                ORDER BY (deadline_at IS NOT NULL AND deadline_at <= :now) DESC, attempts DESC, started_at, order_id
                LIMIT :limit""")
                .param("state", step == null ? null : step.name())
                .param("now", timestamp(now))
                .param("limit", limit)
                .query((row, n) -> saga(row)).list();
    }

    @Override
    public Optional<PlaceOrderSagaState> find(OrderId orderId) {
        return jdbc.sql("SELECT * FROM place_order_saga WHERE order_id = :id")
                .param("id", orderId.value()).query((row, n) -> saga(row)).optional();
    }

    @Override
    public List<TransitionRecord> transitions(OrderId orderId) {
        return jdbc.sql("SELECT * FROM place_order_saga_transition WHERE order_id = :id ORDER BY id")
                .param("id", orderId.value())
                .query((row, n) -> {
                    String from = row.getString("from_state");
                    String commands = row.getString("commands");
                    return new TransitionRecord(from == null ? null : SagaStep.valueOf(from), SagaStep.valueOf(row.getString("to_state")),
                            row.getString("trigger"), commands.isEmpty() ? List.of() : Arrays.asList(commands.split(",")),
                            row.getString("order_command"), row.getInt("attempts"), instant(row, "occurred_at"));
                }).list();
    }

    @Override
    public long countOverdue(Instant now) {
        return jdbc.sql("SELECT count(*) FROM place_order_saga WHERE deadline_at <= :now")
                .param("now", timestamp(now)).query(Long.class).single();
    }

    @Override
    public SagaBacklog backlog(Instant laggingBefore) {
        // Running sagas are the ones with a deadline: the partial index place_order_saga_deadline holds just them.
        return jdbc.sql("""
                SELECT count(*) AS in_flight, count(*) FILTER (WHERE started_at < :laggingBefore) AS lagging
                FROM place_order_saga WHERE deadline_at IS NOT NULL""")
                .param("laggingBefore", timestamp(laggingBefore))
                .query((row, n) -> new SagaBacklog(row.getLong("in_flight"), row.getLong("lagging")))
                .single();
    }

    private static PlaceOrderSagaState saga(ResultSet row) throws SQLException {
        Data data = JSON.readValue(row.getString("data"), Data.class);
        SagaSubject subject = new SagaSubject(new OrderId(row.getObject("order_id", UUID.class)),
                new CustomerId(row.getObject("customer_id", UUID.class)),
                data.lines().stream().map(line -> new StockLine(new ProductId(line.productId()), line.quantity())).toList(),
                new Money(data.amount(), Currency.getInstance(data.currency())), new PaymentMethod(row.getString("payment_method")),
                instant(row, "started_at"));
        return new PlaceOrderSagaState(subject, SagaStep.valueOf(row.getString("state")), row.getInt("attempts"),
                Optional.ofNullable(instant(row, "deadline_at")), Optional.ofNullable(data.paymentId()),
                Optional.ofNullable(data.cancellationReason()).map(CancellationReason::valueOf), instant(row, "updated_at"),
                row.getLong("version"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The JSON {@code data} column: what the saga needs to send its commands again, and how it ended. */
    record Data(List<Line> lines, BigDecimal amount, String currency, UUID paymentId, String cancellationReason) {

        static Data of(PlaceOrderSagaState saga) {
            return new Data(saga.lines().stream().map(line -> new Line(line.productId().value(), line.quantity())).toList(),
                    saga.amount().amount(), saga.amount().currency().getCurrencyCode(), saga.paymentId().orElse(null),
                    saga.cancellationReason().map(Enum::name).orElse(null));
        }
    }

    record Line(UUID productId, int quantity) {
    }
}
