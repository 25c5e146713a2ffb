package dev.kaimono.order.catalog;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.ProductId;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * catalog-service's {@code GET /api/products/batch?ids=…}: connect timeout 1 s, read
 * timeout 2 s, and a circuit breaker (20-call window, opens at 50 % failures over at least 10 calls, tries
 * again after 10 s) so a failing catalog costs shoppers a fast 503 instead of a slow one. With several catalog
 * instances ({@code kaimono.services.catalog} a comma-separated list) it takes them in turn and asks the next one
 * when an instance refuses the connection, so one instance down costs no order. A tolerant reader: it reads the
 * fields it needs from an array of products (or a page of them) and ignores the rest. {@link ReplicatedCatalog} asks
 * it for the products its replica does not know yet ({@link #described}, with the catalog's versions).
 */
@Component
class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);

    private final List<RestClient> instances;
    private final AtomicInteger turn = new AtomicInteger();
    private final JsonMapper json;
    private final CircuitBreaker breaker = CircuitBreaker.of("catalog", CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10))
            .permittedNumberOfCallsInHalfOpenState(3)
            .build());

    CatalogClient(ObjectProvider<RestClient.Builder> builders, JsonMapper json, CatalogProperties properties,
            @Value("${kaimono.services.catalog:http://127.0.0.1:8082}") List<String> baseUrls) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient.Builder builder = builders.getIfAvailable(RestClient::builder).requestFactory(requests);
        this.instances = baseUrls.stream().map(String::strip).map(url -> builder.clone().baseUrl(url).build()).toList();
        this.json = json;
    }

    /**
     * The products the catalog knows among {@code ids}, each with the version it describes (0 if the catalog did not
     * say).
     *
     * @throws CatalogUnavailableException if the catalog cannot be asked right now
     */
    Map<ProductId, Described> described(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String joined = ids.stream().map(ProductId::toString).distinct().collect(Collectors.joining(","));
        String body;
        try {
            body = breaker.executeSupplier(() -> ask(joined));
        } catch (CallNotPermittedException open) {
            throw new CatalogUnavailableException("The catalog is failing; not asking it for a few seconds", open);
        } catch (RestClientException failure) {
            // The client's own message ("Error while extracting response ...") does not say what went wrong; its
            // innermost cause does (a timeout, a reset connection).
            log.warn("The catalog could not be asked for {} products: {} ({})", ids.size(), failure.getMessage(),
                    failure.getMostSpecificCause().toString());
            throw new CatalogUnavailableException("The catalog did not answer: " + failure.getMessage(), failure);
        }
        try {
            return read(body);
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            throw new CatalogUnavailableException("The catalog's answer could not be read", unreadable);
        }
    }

    /** Asks the instances in turn, the next one only when an instance could not be connected to at all. */
    private String ask(String ids) {
        int first = Math.floorMod(turn.getAndIncrement(), instances.size());
        for (int attempt = 0;; attempt++) {
            try {
                return instances.get((first + attempt) % instances.size()).get()
                        .uri("/api/products/batch?ids={ids}", ids).retrieve().body(String.class);
            } catch (ResourceAccessException failure) {
                if (attempt + 1 >= instances.size() || !notConnected(failure)) {
                    throw failure;
                }
                log.debug("A catalog instance could not be reached, asking the next: {}", failure.getMessage());
            }
        }
    }

    private static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Map<ProductId, Described> read(String body) {
        JsonNode root = json.readTree(body == null ? "[]" : body);
        JsonNode products = root.isArray() ? root : root.path("content");
        Map<ProductId, Described> found = new LinkedHashMap<>();
        for (JsonNode product : products) {
            ProductId id = new ProductId(UUID.fromString(product.path("id").asString()));
            Money price = new Money(new BigDecimal(product.path("price").asString()),
                    Currency.getInstance(product.path("currency").asString()));
            String status = product.path("status").asString("ACTIVE");
            found.put(id, new Described(new CatalogProduct(id, product.path("name").asString(), price, "ACTIVE".equals(status)),
                    product.path("version").asLong(0)));
        }
        return found;
    }

    /** A product as the catalog describes it at one of its versions. */
    record Described(CatalogProduct product, long version) {
    }
}
