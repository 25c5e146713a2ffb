package dev.kaimono.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.kaimono.load.books.InitialStockFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop the load runs against, made through the gateway before any load is sent: the administrator adds
 * products and sets their stock (written to {@code products.csv} for the books check), shoppers register and
 * log in. Keeps the shoppers' access tokens fresh (refresh tokens) for runs longer than a token lives.
 */
final class Shop implements AutoCloseable {

    static final String PASSWORD = "correct-horse-42";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TEAS = List.of("Sencha", "Matcha", "Hojicha", "Genmaicha", "Gyokuro", "Bancha",
            "Kukicha", "Oolong", "Sakura", "Yuzu");
    private static final List<String> THINGS = List.of("Tin", "Pouch", "Sampler", "Gift Box", "Bowl", "Cup", "Whisk",
            "Teapot", "Scoop", "Tray");
    private static final int PARALLEL_PRODUCTS = 8;
    private static final int PARALLEL_SHOPPERS = 4;
    private static final int RETRIES_WHEN_UNAVAILABLE = 10;

    record Product(UUID id, String name, int stock) {
    }

    private final List<Product> products;
    private final AtomicReferenceArray<String> accessTokens;
    private final String[] refreshTokens;
    private final ScheduledExecutorService refresher;

    private Shop(List<Product> products, List<String[]> tokens, Duration tokenLifetime, Client client) {
        this.products = List.copyOf(products);
        this.accessTokens = new AtomicReferenceArray<>(tokens.stream().map(pair -> pair[0]).toArray(String[]::new));
        this.refreshTokens = tokens.stream().map(pair -> pair[1]).toArray(String[]::new);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "token-refresher");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(60, tokenLifetime.toSeconds() * 3 / 4);
        refresher.scheduleAtFixedRate(() -> refreshAll(client), every, every, TimeUnit.SECONDS);
    }

    /** Sets the shop up, printing what it does; fails the run when the platform does not take the setup. */
    static Shop prepare(LoadSettings settings) {
        Client client = new Client(settings.gateway());
        long started = System.nanoTime();
        String admin = client.login(settings.adminEmail(), settings.adminPassword())
                .orElseThrow(() -> new IllegalStateException("The administrator %s cannot log in at %s (KAIMONO_ADMIN_PASSWORD?)"
                        .formatted(settings.adminEmail(), settings.gateway())))[0];
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        List<Product> products = parallel(settings.products(), PARALLEL_PRODUCTS, i -> addProduct(client, admin, run, i, settings.initialStock()));
        Map<UUID, Integer> initialStock = new LinkedHashMap<>();
        products.forEach(product -> initialStock.put(product.id(), product.stock()));
        InitialStockFile.write(settings.output().resolve("products.csv"), initialStock);
        System.out.printf("Setup: %d products with %d each in stock (%s)%n", products.size(), settings.initialStock(),
                settings.output().resolve("products.csv"));
        List<String[]> tokens = parallel(settings.shoppers(), PARALLEL_SHOPPERS, i -> newShopper(client, run, i));
        Duration lifetime = Duration.ofSeconds(Math.max(60, tokens.isEmpty() ? 900 : Long.parseLong(tokens.getFirst()[2])));
        System.out.printf("Setup: %d shoppers registered and logged in, in %d s in all%n", tokens.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return new Shop(products, tokens, lifetime, client);
    }

    private static Product addProduct(Client client, String admin, String run, int index, int stock) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tea = TEAS.get(index % TEAS.size());
        String thing = THINGS.get(index / TEAS.size() % THINGS.size());
        String name = "%s %s No.%d".formatted(tea, thing, index);
        String category = thing.equals("Tin") || thing.equals("Pouch") || thing.equals("Sampler") ? "tea" : "teaware";
        String body = """
                {"sku":"LOAD-%s-%04d","name":"%s","description":"%s for the capacity test","price":"%d","currency":"JPY","categories":["%s"]}"""
                .formatted(run, index, name, name, 300 + random.nextInt(90) * 100, category);
        JsonNode added = client.expect(201, "POST", "/api/products", admin, body);
        UUID id = UUID.fromString(added.get("id").asString());
        client.expect(200, "PUT", "/api/inventory/" + id, admin, "{\"onHand\":%d}".formatted(stock));
        return new Product(id, name, stock);
    }

    /** Registers and logs in one shopper: {access token, refresh token, lifetime in seconds}. */
    private static String[] newShopper(Client client, String run, int index) {
        String email = "load-%s-%d@example.com".formatted(run.toLowerCase(), index);
        client.expect(201, "POST", "/api/users", null,
                "{\"email\":\"%s\",\"password\":\"%s\",\"name\":\"Shopper %d\"}".formatted(email, PASSWORD, index));
        return client.login(email, PASSWORD).orElseThrow(() -> new IllegalStateException("New shopper " + email + " cannot log in"));
    }

    private void refreshAll(Client client) {
        for (int i = 0; i < refreshTokens.length; i++) {
            Optional<String[]> renewed = client.refresh(refreshTokens[i]);
            if (renewed.isPresent()) {
                accessTokens.set(i, renewed.get()[0]);
                refreshTokens[i] = renewed.get()[1];
            }
        }
    }

    List<Product> products() {
        return products;
    }

    int shoppers() {
        return accessTokens.length();
    }

    String accessToken(int shopper) {
        return accessTokens.get(shopper);
    }

    Product anyProduct() {
        return products.get(ThreadLocalRandom.current().nextInt(products.size()));
    }

    /** A word that search finds in some product names. */
    String anySearchTerm() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextBoolean() ? TEAS.get(random.nextInt(TEAS.size())).toLowerCase()
                : THINGS.get(random.nextInt(THINGS.size())).split(" ")[0].toLowerCase();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private interface Step<T> {
        T make(int index) throws Exception;
    }

    private static <T> List<T> parallel(int count, int parallelism, Step<T> step) {
        Semaphore permits = new Semaphore(parallelism);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return step.make(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<T> made = new ArrayList<>();
            for (Future<T> future : futures) {
                made.add(future.get());
            }
            return Collections.unmodifiableList(made);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Setup failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Setup interrupted", e);
        }
    }

    /** The setup's HTTP client. */
    private record Client(String gateway, HttpClient http) {

        Client(String gateway) {
            this(gateway, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        }

        Optional<String[]> login(String email, String password) {
            HttpResponse<String> response = send("POST", "/api/auth/token", null,
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
            return response.statusCode() == 200 ? Optional.of(tokens(response)) : Optional.empty();
        }

        Optional<String[]> refresh(String refreshToken) {
            HttpResponse<String> response = send("POST", "/api/auth/refresh", null,
                    "{\"refresh_token\":\"%s\"}".formatted(refreshToken));
            return response.statusCode() == 200 ? Optional.of(tokens(response)) : Optional.empty();
        }

        private static String[] tokens(HttpResponse<String> response) {
            JsonNode body = JSON.readTree(response.body());
            return new String[] {body.get("access_token").asString(), body.get("refresh_token").asString(),
                    body.path("expires_in").asString("900")};
        }

        JsonNode expect(int status, String method, String path, String token, String json) {
            HttpResponse<String> response = send(method, path, token, json);
            if (response.statusCode() != status) {
                throw new IllegalStateException("%s %s answered %d, not %d: %s".formatted(method, path, response.statusCode(),
                        status, response.body()));
            }
            return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        }

        HttpResponse<String> send(String method, String path, String token, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                for (int retry = 1; response.statusCode() == 503 && retry <= RETRIES_WHEN_UNAVAILABLE; retry++) {
                    // A breaker still half-open after an earlier overload lets a few calls through at a time.
                    long wait = Math.min(5, response.headers().firstValueAsLong("Retry-After").orElse(1));
                    response = CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                            .thenCompose(waited -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                            .join();
                }
                if (response.statusCode() == 429) {
                    throw new IllegalStateException(("The gateway throttled the setup (%s %s answered 429). Start the platform "
                            + "with raised rate limits, e.g. KAIMONO_GATEWAY_RATELIMIT_DEFAULT_REPLENISHRATE=100000 … (README, "
                            + "\"Load test\")").formatted(method, path));
                }
                return response;
            } catch (IOException | CompletionException e) {
                throw new IllegalStateException("The gateway at %s did not answer %s %s: %s".formatted(gateway, method, path, e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
