package dev.kaimono.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import dev.kaimono.load.LoadSettings.Kind;

/**
 * Kaimono's capacity test: open-loop arrivals at constant order rates in steps, with the browsing, cart and
 * history traffic that goes with them, against a running platform. Every request is its own user, started on
 * schedule whatever the platform answers (Gatling's open injection), so a slow platform cannot slow the
 * arrivals down. Each step's table (latency from the due time, errors by status, POST→CONFIRMED seen on the
 * broker, CPU per process) is printed at the end and written to {@code capacity-summary.txt}; Gatling writes
 * its HTML report as usual. Settings: {@link LoadSettings}; command: README, "Load test".
 */
public class CapacitySimulation extends Simulation {

    private static final String ADDRESS = """
            {"name":"Load Shopper","line1":"1-1 Chiyoda","city":"Tokyo","postalCode":"100-0001","country":"JP"}""";
    private static final String DUE = "dueOffset";
    private static final String ATTEMPTS = "attempts";
    private static final int ORDER_ATTEMPTS = 3;
    private static final Duration ORDER_RETRY_PAUSE = Duration.ofSeconds(1);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Shop shop = Shop.prepare(settings);
    private final RunRecorder recorder = new RunRecorder(settings);
    private final OrderOutcomes outcomes = OrderOutcomes.listen(settings, recorder);

    private final HttpProtocolBuilder protocol = http.baseUrl(settings.gateway())
            .acceptHeader("application/json")
            .userAgentHeader("kaimono-load-test")
            .shareConnections()
            .disableWarmUp()
            .disableCaching();

    {
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(population(Kind.BROWSE, http("browse products").get("/api/products?page=#{page}&size=20")));
        populations.add(population(Kind.SEARCH, http("search").get("/api/products?q=#{term}")));
        populations.add(population(Kind.DETAILS, http("product details").get("/api/product-details/#{productId}")));
        populations.add(population(Kind.CART, doIfOrElse("#{addToCart}")
                .then(exec(checked(withToken(http("cart: put item").put("/api/cart/items/#{productId}")
                        .header("Content-Type", "application/json").body(StringBody("{\"quantity\":#{quantity}}"))))))
                .orElse(exec(checked(withToken(http("cart: remove item").delete("/api/cart/items/#{productId}")))))));
        populations.add(population(Kind.HISTORY, withToken(http("order history").get("/api/orders?page=0&size=10"))));
        HttpRequestActionBuilder placeOrder = checked(withToken(http("place order").post("/api/orders")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "#{idempotencyKey}")
                .body(StringBody(session -> session.getString("orderBody")))
                .check(jsonPath("$.id").optional().saveAs("orderId"))));
        // A 504 means the gateway stopped waiting, not that no order was placed: the shopper asks again with the same
        // Idempotency-Key, as a client should, and gets the order if there is one (the books then check it too).
        populations.add(population(Kind.ORDER, exec(session -> session.set(ATTEMPTS, 1))
                .exec(placeOrder)
                .asLongAs(this::retryOrder).on(exec(session -> retried(session))
                        .pause(ORDER_RETRY_PAUSE)
                        .exec(placeOrder))));
        setUp(populations).protocols(protocol);
        System.out.printf("Load: %s orders/s, %d s each after a %d s warm-up; mix per order %s; %.0f%% of cards declined%n",
                settings.rates(), settings.step().toSeconds(), settings.warmUp().toSeconds(), settings.mix(),
                settings.declinedShare() * 100);
    }

    /** One kind of request as an open-loop stream: due at constant rates, step after step. */
    private PopulationBuilder population(Kind kind, HttpRequestActionBuilder request) {
        return population(kind, exec(checked(request)));
    }

    /** Keeps the status for the step table, whatever it is, and makes anything but 2xx a KO in Gatling's report. */
    private static HttpRequestActionBuilder checked(HttpRequestActionBuilder request) {
        return request.check(status().saveAs("status"), status().in(200, 201, 202, 204));
    }

    private PopulationBuilder population(Kind kind, ChainBuilder request) {
        ChainBuilder arrive = exec(session -> arrive(kind, session));
        ChainBuilder answered = exec(session -> answered(kind, session));
        List<OpenInjectionStep> injection = settings.phases(kind).stream()
                .map(phase -> phase.rate() == 0 ? nothingFor(Duration.ofSeconds(phase.seconds()))
                        : constantUsersPerSec(phase.rate()).during(Duration.ofSeconds(phase.seconds())))
                .toList();
        return scenario(kind.title).exec(arrive, request, answered).injectOpen(injection);
    }

    private static HttpRequestActionBuilder withToken(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}");
    }

    /** A user starts: when it was due, and the random choices of its request. */
    private Session arrive(Kind kind, Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DUE, recorder.arrived(kind));
        values.put("token", shop.accessToken(random.nextInt(shop.shoppers())));
        values.put("productId", shop.anyProduct().id().toString());
        switch (kind) {
            case BROWSE -> values.put("page", random.nextInt(Math.max(1, shop.products().size() / 20)));
            case SEARCH -> values.put("term", shop.anySearchTerm());
            case CART -> {
                values.put("addToCart", random.nextInt(10) < 7);
                values.put("quantity", 1 + random.nextInt(3));
            }
            case ORDER -> {
                Map<UUID, Integer> lines = new LinkedHashMap<>();
                int count = 1 + random.nextInt(3);
                while (lines.size() < count) {
                    lines.put(shop.anyProduct().id(), 1 + random.nextInt(2));
                }
                boolean declined = random.nextDouble() < settings.declinedShare();
                values.put("lines", lines);
                values.put("idempotencyKey", UUID.randomUUID().toString());
                values.put("orderBody", """
                        {"lines":[%s],"shippingAddress":%s,"paymentMethod":"%s"}""".formatted(lines.entrySet().stream()
                        .map(line -> "{\"productId\":\"%s\",\"quantity\":%d}".formatted(line.getKey(), line.getValue()))
                        .collect(Collectors.joining(",")), ADDRESS, declined ? "pm_card_chargeDeclined" : "pm_card_visa"));
            }
            default -> {
                // Details and history need only the token and product chosen above.
            }
        }
        return session.setAll(values);
    }

    /** Whether an order POST the gateway answered with 504 is asked again (at most {@value #ORDER_ATTEMPTS} times in all). */
    private boolean retryOrder(Session session) {
        return session.contains("status") && session.getInt("status") == 504 && session.getInt(ATTEMPTS) < ORDER_ATTEMPTS;
    }

    /** Counts the 504 in the step table (as "504 retried") before the order is asked for again. */
    private Session retried(Session session) {
        recorder.retried(Kind.ORDER, session.getLong(DUE), session.getInt("status"));
        return session.set(ATTEMPTS, session.getInt(ATTEMPTS) + 1).remove("status");
    }

    private Session answered(Kind kind, Session session) {
        long due = session.getLong(DUE);
        int status = session.contains("status") ? session.getInt("status") : 0;
        recorder.answered(kind, due, status);
        if (kind == Kind.ORDER) {
            @SuppressWarnings("unchecked")
            Map<UUID, Integer> lines = (Map<UUID, Integer>) session.get("lines");
            if (status == 202 && session.contains("orderId")) {
                recorder.accepted(UUID.fromString(session.getString("orderId")), due, lines);
            } else if (status == 0 || status >= 500) {
                recorder.unanswered(UUID.fromString(session.getString("idempotencyKey")), lines);
            }
        }
        return session;
    }

    @Override
    public void after() {
        System.out.printf("Load sent; waiting up to %d s for the outcomes of %d accepted orders…%n", settings.drain().toSeconds(),
                recorder.awaitingOutcome());
        recorder.awaitOutcomes(settings.drain());
        outcomes.close();
        shop.close();
        recorder.close();
        System.out.println(recorder.writeSummary());
        System.out.printf("Accepted orders: %s; initial stock: %s. Check the books next (README, \"Load test\").%n",
                recorder.acceptedOrdersFile(), settings.output().resolve("products.csv"));
    }
}
