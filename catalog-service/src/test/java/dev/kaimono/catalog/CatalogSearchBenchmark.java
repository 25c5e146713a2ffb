package dev.kaimono.catalog;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.catalog.product.Price;
import dev.kaimono.catalog.product.ProductCatalog;
import dev.kaimono.catalog.product.ProductContent;
import dev.kaimono.catalog.product.Sku;
import dev.kaimono.testsupport.WithInfrastructure;

/**
 * A benchmark, not a test: it asserts nothing and is not run by {@code ./mvnw verify}. Run it with
 * <pre>./mvnw -B -o -pl catalog-service verify -Dit.test=CatalogSearchBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It loads {@code benchmark.products} (5,000) products with Latin and Japanese names into the MongoDB of
 * the test infrastructure (mongo-java-server in the test JVM without Docker), lets the outbox drain, then
 * measures searches over HTTP, one client at a time, and prints p50/p99 per kind of search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "logging.level.root=ERROR"})
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
class CatalogSearchBenchmark {

    private static final int PRODUCTS = Integer.getInteger("benchmark.products", 5000);
    private static final int WARMUP = 100;
    private static final int SAMPLES = 300;

    private static final String[] LATIN = {"matcha", "sencha", "hojicha", "genmaicha", "gyokuro", "bowl", "whisk", "teapot",
        "cup", "chopsticks", "miso", "soy", "yuzu", "ramen", "udon", "soba", "bamboo", "iron", "ceramic", "lacquer",
        "green", "roasted", "premium", "organic", "kyoto", "uji", "shizuoka", "kagoshima", "gift", "set"};
    private static final String[] JAPANESE = {"抹茶", "煎茶", "ほうじ茶", "玄米茶", "玉露", "茶碗", "茶筅", "急須", "湯呑", "箸",
        "味噌", "醤油", "柚子胡椒", "ラーメン", "うどん", "そば", "竹", "鉄瓶", "陶器", "漆器", "宇治", "静岡", "鹿児島", "京都",
        "ギフト", "セット", "有機", "特選", "深蒸し", "ラテ"};
    private static final String[] CATEGORIES = {"tea", "tea ware", "kitchen", "seasoning", "noodles", "gifts", "drinks",
        "tableware", "お茶", "調味料", "食器", "麺類"};

    @LocalServerPort
    int port;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        CatalogApi.acceptTestTokens(registry);
    }

    @Test
    void searchLatency() throws Exception {
        Random random = new Random(42);
        long loadStarted = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            ids.add(catalog.add(product(i, random)).id());
        }
        Duration load = Duration.ofNanos(System.nanoTime() - loadStarted);
        long drainStarted = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> !mongo.exists(Query.query(Criteria.where("pendingEvents.storedAt").exists(true)), "products"));
        Duration drain = Duration.ofNanos(System.nanoTime() - drainStarted);

        Map<String, List<String>> scenarios = new LinkedHashMap<>();
        scenarios.put("Latin word (q=<word>)", queries(LATIN, word -> "q=" + word));
        scenarios.put("Latin prefix (q=<3 letters>)", queries(LATIN, word -> "q=" + word.substring(0, 3)));
        scenarios.put("two words (q=<word> <word>)", queries(LATIN, word -> "q=" + word + " " + LATIN[(word.length() * 7) % LATIN.length]));
        scenarios.put("Japanese (q=<kanji/kana>)", queries(JAPANESE, word -> "q=" + word));
        scenarios.put("category (category=<c>)", queries(CATEGORIES, category -> "category=" + category));
        scenarios.put("category + word, by price", queries(CATEGORIES, category -> "category=" + category + "&q=premium&sort=price,desc"));
        scenarios.put("browse page 10 by price", queries(new String[] {"10"}, page -> "page=" + page + "&size=20&sort=price,asc"));
        scenarios.put("browse page 0 by name", queries(new String[] {"0"}, page -> "page=" + page + "&size=20"));

        System.out.printf("%nCatalog search benchmark: %d products on %s, one client over HTTP%n", PRODUCTS,
                mongoDescription());
        System.out.printf("loaded in %.1f s (%.0f products/s through ProductCatalog.add), outbox drained %.1f s later%n",
                load.toMillis() / 1000.0, PRODUCTS * 1000.0 / load.toMillis(), drain.toMillis() / 1000.0);
        System.out.printf("%-32s %8s %8s %8s %10s%n", "search", "p50 ms", "p99 ms", "max ms", "hits (avg)");
        for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
            run(scenario.getValue(), WARMUP);
            Result result = run(scenario.getValue(), SAMPLES);
            System.out.printf("%-32s %8.2f %8.2f %8.2f %10.0f%n", scenario.getKey(), result.percentile(50), result.percentile(99),
                    result.percentile(100), result.averageHits());
        }
        List<String> byId = ids.stream().limit(50).map(id -> "/" + id).toList();
        Result gets = run(byId, SAMPLES, "");
        System.out.printf("%-32s %8.2f %8.2f %8.2f %10s%n", "get by id", gets.percentile(50), gets.percentile(99),
                gets.percentile(100), "1");
        System.out.println();
    }

    private String mongoDescription() {
        String version = mongo.executeCommand("{buildInfo: 1}").getString("version");
        return "MongoDB wire protocol, server version " + version;
    }

    private static List<String> queries(String[] words, java.util.function.Function<String, String> query) {
        return Arrays.stream(words).map(query).toList();
    }

    private Result run(List<String> queries, int samples) throws Exception {
        return run(queries, samples, "?");
    }

    private Result run(List<String> queries, int samples, String separator) throws Exception {
        long[] nanos = new long[samples];
        long hits = 0;
        for (int i = 0; i < samples; i++) {
            String query = queries.get(i % queries.size());
            URI uri = URI.create("http://localhost:" + port + "/api/products" + separator + encode(query));
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            int total = response.body().indexOf("\"totalElements\":");
            if (total >= 0) {
                String rest = response.body().substring(total + 16);
                hits += Long.parseLong(rest.substring(0, rest.indexOf(',')));
            }
        }
        return new Result(nanos, hits);
    }

    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            encoded.append(encoded.isEmpty() ? "" : "&").append(parts[0]);
            if (parts.length == 2) {
                encoded.append('=').append(URLEncoder.encode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return encoded.toString();
    }

    private static ProductContent product(int i, Random random) {
        String name = i % 2 == 0
                ? "%s %s %s %d".formatted(capitalized(pick(LATIN, random)), pick(LATIN, random), pick(LATIN, random), i)
                : "%s%s %s %d".formatted(pick(JAPANESE, random), pick(JAPANESE, random), capitalized(pick(LATIN, random)), i);
        String description = "%s %s from %s, %s".formatted(pick(LATIN, random), pick(JAPANESE, random), pick(LATIN, random),
                pick(JAPANESE, random));
        List<String> categories = List.of(pick(CATEGORIES, random), pick(CATEGORIES, random));
        String price = Integer.toString(100 + random.nextInt(20_000));
        return new ProductContent(new Sku("BM-%05d".formatted(i)), name, description,
                List.of("https://img.kaimono.dev/bm-%d.jpg".formatted(i)), Price.of(price, "JPY"), categories,
                Map.of("origin", pick(JAPANESE, random)));
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private record Result(long[] nanos, long hits) {

        double percentile(int percentile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
            return sorted[Math.max(index, 0)] / 1_000_000.0;
        }

        double averageHits() {
            return (double) hits / nanos.length;
        }
    }
}
