package dev.kaimono.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.kaimono.catalog.CatalogApi;
import dev.kaimono.catalog.ProductJson;
import dev.kaimono.events.OrderDelivered;
import dev.kaimono.events.OrderLine;
import dev.kaimono.events.ReviewEdited;
import dev.kaimono.events.ReviewPosted;
import dev.kaimono.events.ReviewRemoved;
import dev.kaimono.events.wire.EventEnvelope;
import dev.kaimono.events.wire.MessageCodec;
import dev.kaimono.messaging.Topology;
import dev.kaimono.testsupport.BrokerProbe;
import dev.kaimono.testsupport.TestJwks;
import dev.kaimono.testsupport.WithInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Reviews by verified buyers, over HTTP against MongoDB and RabbitMQ: the right to review comes from order-service's
 * {@code order.delivered} events on the broker, ratings land on the product, searches sort by
 * them, and every change is published as a {@code catalog.review-*} event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
class ReviewsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessageCodec codec;

    @Autowired
    MongoTemplate mongo;

    CatalogApi api;
    RestTestClient http;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        CatalogApi.acceptTestTokens(registry);
    }

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
        http = api.http();
    }

    @Test
    void onlyAShopperWhoseOrderWasDeliveredReviewsAndOnlyOnce() {
        String product = productId();
        UUID shopper = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        post(shopper, product, 5, "まだ届いていません").expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:not-a-verified-buyer")
                .jsonPath("$.title").isEqualTo("Not a verified buyer");
        sendDeliveredAsVersionOne(order);
        receivedBy(product); // one queue, one consumer: the version-1 delivery was handled before this one
        post(shopper, product, 5, "a version-1 delivery names nobody").expectStatus().isForbidden();
        delivered(order, shopper, product);
        awaitPurchase(order);

        Map<String, Object> review = posted(shopper, product, 5, "  香りが良く、毎朝飲んでいます。  ");
        assertThat(review).containsEntry("productId", product).containsEntry("rating", 5)
                .containsEntry("text", "香りが良く、毎朝飲んでいます。").containsEntry("version", 1).doesNotContainKey("customerId");
        http.get().uri("/api/reviews/{id}", review.get("id")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.text").isEqualTo("香りが良く、毎朝飲んでいます。");

        post(shopper, product, 4, "again").expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:already-reviewed")
                .jsonPath("$.reviewId").isEqualTo(review.get("id"));
        post(UUID.randomUUID(), product, 4, "never bought it").expectStatus().isForbidden();
        String otherProduct = productId();
        post(shopper, otherProduct, 4, "bought the other one").expectStatus().isForbidden();
        post(shopper, UUID.randomUUID().toString(), 4, "no such product").expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:product-not-found");
        http.post().uri("/api/reviews").contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product, "rating", 5))
                .exchange().expectStatus().isUnauthorized();

        assertThat(reviewsOf(product).get("totalElements")).isEqualTo(1);
        assertThat(api.product(product)).containsEntry("ratingCount", 1).containsEntry("ratingAverage", 5.0);
    }

    @Test
    void anOutOfRangeRatingAndATooLongTextAreNamedTogetherAndNothingIsStored() {
        String product = productId();
        UUID shopper = receivedBy(product);
        String longest = "抹".repeat(Review.MAX_TEXT);

        Map<String, Object> problem = post(shopper, product, 6, longest + "茶").expectStatus().isBadRequest()
                .expectBody(CatalogApi.JSON).returnResult().getResponseBody();
        assertThat(problem).containsEntry("type", "tag:kaimono.dev,2026:problem:invalid-request");
        assertThat(problem.get("errors")).asString().contains("field=rating", "field=text");
        post(shopper, product, 0, "zero").expectStatus().isBadRequest();
        http.post().uri("/api/reviews").header("Authorization", "Bearer " + token(shopper))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("productId", product)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("rating");
        Map<String, Object> unnamed = http.post().uri("/api/reviews").header("Authorization", "Bearer " + token(shopper))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("text", "which one?")).exchange()
                .expectStatus().isBadRequest().expectBody(CatalogApi.JSON).returnResult().getResponseBody();
        assertThat(unnamed.get("errors")).asString().contains("field=productId", "field=rating");
        http.get().uri("/api/reviews/not-a-uuid").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("id").jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
        assertThat(reviewsOf(product).get("totalElements")).isEqualTo(0);

        Map<String, Object> review = posted(shopper, product, 1, longest);
        assertThat((String) review.get("text")).hasSize(Review.MAX_TEXT);
        edit(shopper, review.get("id"), 3, "🍵".repeat(Review.MAX_TEXT + 1)).expectStatus().isBadRequest();
        assertThat(api.product(product)).containsEntry("ratingAverage", 1.0);
    }

    @Test
    void theProductKeepsCountAndAverageOfShownReviewsAndSearchSortsByThem() {
        String category = "reviewed-" + UUID.randomUUID().toString().substring(0, 8);
        String loved = (String) api.added(ProductJson.aProduct("Loved", "100", category)).get("id");
        String liked = (String) api.added(ProductJson.aProduct("Liked", "100", category)).get("id");
        String unrated = (String) api.added(ProductJson.aProduct("Unrated", "100", category)).get("id");
        String etagBefore = api.get(loved).expectStatus().isOk().returnResult().getResponseHeaders().getETag();

        UUID ann = receivedBy(loved);
        UUID ben = receivedBy(loved);
        UUID cai = receivedBy(loved);
        Map<String, Object> annsReview = posted(ann, loved, 5, "");
        posted(ben, loved, 4, "good");
        Map<String, Object> caisReview = posted(cai, loved, 4, "fine");
        posted(receivedBy(liked), liked, 4, "ok");
        posted(receivedBy(liked), liked, 3, "meh");

        assertThat(api.product(loved)).containsEntry("ratingCount", 3).containsEntry("ratingAverage", 4.33)
                .containsEntry("version", 1);
        assertThat(api.product(liked)).containsEntry("ratingCount", 2).containsEntry("ratingAverage", 3.5);
        assertThat(api.product(unrated)).containsEntry("ratingCount", 0).containsEntry("ratingAverage", null);
        String etagAfter = api.get(loved).expectStatus().isOk().returnResult().getResponseHeaders().getETag();
        assertThat(etagAfter).as("a new rating is a new representation").isNotEqualTo(etagBefore).startsWith("\"1.");
        http.put().uri("/api/products/{id}", loved).header("Authorization", "Bearer " + api.adminToken())
                .header("If-Match", etagAfter).contentType(MediaType.APPLICATION_JSON)
                .body(ProductJson.aProduct("Loved", "120", category).build()).exchange()
                .expectStatus().isOk(); // If-Match compares the version only

        assertThat(api.field(api.page("category=" + category + "&sort=rating,desc"), "name"))
                .containsExactly("Loved", "Liked", "Unrated");
        assertThat(api.field(api.page("category=" + category + "&sort=rating"), "name"))
                .containsExactly("Unrated", "Liked", "Loved");

        edit(ann, annsReview.get("id"), 1, "changed my mind").expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2).jsonPath("$.rating").isEqualTo(1);
        assertThat(api.product(loved)).containsEntry("ratingCount", 3).containsEntry("ratingAverage", 3.0);
        withdraw(cai, caisReview.get("id")).expectStatus().isNoContent();
        withdraw(cai, caisReview.get("id")).expectStatus().isNoContent(); // deleting again changes nothing
        assertThat(api.product(loved)).containsEntry("ratingCount", 2).containsEntry("ratingAverage", 2.5);
        assertThat(api.field(api.page("category=" + category + "&sort=rating,desc"), "name"))
                .containsExactly("Liked", "Loved", "Unrated");
        http.get().uri("/api/reviews/{id}", caisReview.get("id")).exchange().expectStatus().isNotFound();

        Map<String, Object> again = posted(cai, loved, 5, "back again");
        assertThat(again.get("id")).as("the deleted review's place").isEqualTo(caisReview.get("id"));
        assertThat(api.product(loved)).containsEntry("ratingCount", 3);
        assertThat(reviewsOf(loved)).containsEntry("totalElements", 3);
    }

    @Test
    void onlyItsAuthorChangesAReviewAndAnAdministratorHidesIt() {
        String product = productId();
        UUID author = receivedBy(product);
        UUID other = receivedBy(product);
        Object reviewId = posted(author, product, 2, "too bitter").get("id");

        edit(other, reviewId, 5, "hijacked").expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:not-review-author");
        withdraw(other, reviewId).expectStatus().isForbidden();
        http.post().uri("/api/admin/catalog/reviews/{id}/hide", reviewId).header("Authorization", "Bearer " + token(author))
                .exchange().expectStatus().isForbidden();

        hide(reviewId).expectStatus().isNoContent();
        hide(reviewId).expectStatus().isNoContent(); // hiding again changes nothing
        hide(UUID.randomUUID()).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:review-not-found");
        http.get().uri("/api/reviews/{id}", reviewId).exchange().expectStatus().isNotFound();
        assertThat(reviewsOf(product)).containsEntry("totalElements", 0);
        assertThat(api.product(product)).containsEntry("ratingCount", 0).containsEntry("ratingAverage", null);
        edit(author, reviewId, 5, "let me back").expectStatus().isNotFound();
        withdraw(author, reviewId).expectStatus().isNotFound();
        post(author, product, 5, "a new one").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void postingEditingAndRemovingPublishOneEventEachAndANoOpNone() {
        String product = productId();
        UUID author = receivedBy(product);
        try (BrokerProbe probe = BrokerProbe.on(connectionFactory)
                .events(ReviewPosted.TYPE.name(), ReviewEdited.TYPE.name(), ReviewRemoved.TYPE.name()).open()) {
            Object reviewId = posted(author, product, 4, "美味しい").get("id");
            UUID id = UUID.fromString((String) reviewId);
            UUID productId = UUID.fromString(product);

            edit(author, reviewId, 4, "美味しい").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
            edit(author, reviewId, 5, "とても美味しい").expectStatus().isOk();
            withdraw(author, reviewId).expectStatus().isNoContent();
            UUID hidden = UUID.fromString((String) posted(receivedBy(product), product, 1, "spam").get("id"));
            hide(hidden).expectStatus().isNoContent();

            assertThat(probe.await(id, ReviewPosted.TYPE)).isEqualTo(new ReviewPosted(id, productId, author, 4, "美味しい"));
            assertThat(probe.await(id, ReviewEdited.TYPE))
                    .isEqualTo(new ReviewEdited(id, productId, author, 5, "とても美味しい"));
            assertThat(probe.await(id, ReviewRemoved.TYPE)).isEqualTo(new ReviewRemoved(id, productId, author, "WITHDRAWN"));
            assertThat(probe.await(hidden, ReviewRemoved.TYPE).reason()).isEqualTo("HIDDEN");
            // One relay publishes a review's events in order: the edit that changed nothing would have come before these.
            assertThat(probe.envelopes(envelope -> envelope.aggregateId().equals(id.toString())).stream().map(EventEnvelope::eventType).toList())
                    .containsExactly("catalog.review-posted", "catalog.review-edited", "catalog.review-removed");
        }
    }

    @Test
    void shoppersReviewingAtOnceLeaveOneReviewEachAndAnExactRating() throws Exception {
        String product = productId();
        List<UUID> shoppers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            shoppers.add(receivedBy(product));
        }
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < shoppers.size(); i++) {
            UUID shopper = shoppers.get(i);
            int rating = i % 5 + 1;
            posts.add(() -> status(post(shopper, product, rating, "at once")));
            posts.add(() -> status(post(shopper, product, rating, "twice at once")));
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(posts.size())) {
            for (Future<Integer> answer : threads.invokeAll(posts)) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(8);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(8);
        // Ratings 1, 2, 3, 4, 5, 1, 2, 3: 21 / 8.
        assertThat(api.product(product)).containsEntry("ratingCount", 8).containsEntry("ratingAverage", 2.63);
        assertThat(reviewsOf(product)).containsEntry("totalElements", 8);
    }

    private String productId() {
        return (String) api.added(ProductJson.aProduct()).get("id");
    }

    /** A new shopper whose order of the product was delivered, as catalog learns it from the broker. */
    private UUID receivedBy(String product) {
        UUID shopper = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        delivered(order, shopper, product);
        awaitPurchase(order);
        return shopper;
    }

    private void awaitPurchase(UUID order) {
        await().atMost(DELIVERY).until(() -> mongo.findById(order.toString(), Document.class, Purchases.COLLECTION) != null);
    }

    private void delivered(UUID order, UUID shopper, String product) {
        send(OrderDelivered.TYPE.name(), OrderDelivered.TYPE.version(), order, codec.toData(new OrderDelivered(order,
                UUID.randomUUID(), shopper, List.of(new OrderLine(UUID.fromString(product), 1)))));
    }

    /** An {@code order.delivered} as order-service sent it before version 2: the order and shipment only. */
    private void sendDeliveredAsVersionOne(UUID order) {
        send(OrderDelivered.TYPE.name(), 1, order, codec.toData(Map.of("orderId", order, "shipmentId", UUID.randomUUID())));
    }

    private void send(String type, int version, UUID order, JsonNode data) {
        UUID eventId = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(eventId, type, version, Instant.now(), "order-service",
                order.toString(), eventId, null, data);
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MediaType.APPLICATION_JSON_VALUE);
        properties.setMessageId(eventId.toString());
        properties.setType(type);
        rabbit.send(Topology.EVENTS_EXCHANGE, type, new Message(codec.encode(envelope), properties));
    }

    private RestTestClient.ResponseSpec post(UUID shopper, String product, int rating, String text) {
        return http.post().uri("/api/reviews").header("Authorization", "Bearer " + token(shopper))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("productId", product, "rating", rating, "text", text)).exchange();
    }

    private Map<String, Object> posted(UUID shopper, String product, int rating, String text) {
        RestTestClient.ResponseSpec answer = post(shopper, product, rating, text).expectStatus().isCreated();
        Map<String, Object> body = answer.expectBody(CatalogApi.JSON).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    private RestTestClient.ResponseSpec edit(UUID shopper, Object reviewId, int rating, String text) {
        return http.put().uri("/api/reviews/{id}", reviewId).header("Authorization", "Bearer " + token(shopper))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("rating", rating, "text", text)).exchange();
    }

    private RestTestClient.ResponseSpec withdraw(UUID shopper, Object reviewId) {
        return http.delete().uri("/api/reviews/{id}", reviewId).header("Authorization", "Bearer " + token(shopper)).exchange();
    }

    private RestTestClient.ResponseSpec hide(Object reviewId) {
        return http.post().uri("/api/admin/catalog/reviews/{id}/hide", reviewId)
                .header("Authorization", "Bearer " + api.adminToken()).exchange();
    }

    private Map<String, Object> reviewsOf(String product) {
        return http.get().uri("/api/products/{id}/reviews", product).exchange().expectStatus().isOk()
                .expectBody(CatalogApi.JSON).returnResult().getResponseBody();
    }

    private static int status(RestTestClient.ResponseSpec answer) {
        return answer.returnResult().getStatus().value();
    }

    private static String token(UUID shopper) {
        return TestJwks.shared().token(shopper, "CUSTOMER");
    }
}
