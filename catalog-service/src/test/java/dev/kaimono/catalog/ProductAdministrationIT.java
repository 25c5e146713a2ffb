package dev.kaimono.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import dev.kaimono.testsupport.WithInfrastructure;

/** Administrators add, update and discontinue products over HTTP; everything refused leaves the store untouched. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
class ProductAdministrationIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    CatalogApi api;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        CatalogApi.acceptTestTokens(registry);
    }

    @BeforeEach
    void client() {
        api = new CatalogApi(port);
    }

    @Test
    void anAddedProductCanBeReadBackByItsId() {
        ProductJson request = ProductJson.aProduct().with("categories", List.of("Tea", " tea ", "ＧＩＦＴＳ"));

        api.add(request).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/products/[0-9a-f-]{36}")
                .expectHeader().valueEquals("ETag", "\"1\"");
        Map<String, Object> added = storedBySku(request.sku());
        Map<String, Object> read = api.product(added.get("id"));

        assertThat(read).isEqualTo(added);
        assertThat(read).containsEntry("sku", request.sku())
                .containsEntry("name", "Hojicha Roasted Green Tea ほうじ茶")
                .containsEntry("price", "980")
                .containsEntry("currency", "JPY")
                .containsEntry("categories", List.of("tea", "gifts"))
                .containsEntry("status", "ACTIVE")
                .containsEntry("version", 1)
                .containsEntry("imageUrls", List.of("https://img.kaimono.dev/hojicha.jpg"))
                .containsEntry("attributes", Map.of("origin", "Kyoto", "weight", "100g"));
        assertThat(read.get("createdAt")).isEqualTo(read.get("updatedAt")).isNotNull();
    }

    @Test
    void storedDocumentsKeepPricesAsDecimal128AndNameNoJavaClass() {
        ProductJson request = ProductJson.aProduct().with("price", "12.5").with("currency", "EUR");
        api.added(request);

        Document stored = mongo.getCollection("products").find(new Document("sku", request.sku())).first();

        assertThat(stored).isNotNull().doesNotContainKey("_class");
        assertThat(stored.get("price")).isEqualTo(new Decimal128(new BigDecimal("12.50")));
        assertThat(stored.getString("skuKey")).isEqualTo(request.sku().toUpperCase());
    }

    @Test
    void pricesAreAnsweredInTheCurrencysScale() {
        Map<String, Object> euro = api.added(ProductJson.aProduct().with("price", "12.5").with("currency", "EUR"));

        assertThat(euro).containsEntry("price", "12.50").containsEntry("currency", "EUR");
    }

    @Test
    void aDuplicateSkuIsAConflictAlsoInAnotherLetterCase() {
        ProductJson first = ProductJson.aProduct();
        api.added(first);

        api.add(ProductJson.aProduct().with("sku", first.sku())).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Duplicate SKU")
                .jsonPath("$.errors[0].field").isEqualTo("sku");
        api.add(ProductJson.aProduct().with("sku", first.sku().toLowerCase())).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        assertThat(documentsWithSkuKey(first.sku())).isEqualTo(1);
    }

    @Test
    void anInvalidPriceIsRefusedNamingThePriceAndNothingIsStored() {
        Map<String, String> refusals = Map.of(
                "-1", "must be greater than 0",
                "abc", "must be a decimal number such as 1280 or 12.50",
                "1280.5", "must be a whole number in JPY");
        refusals.forEach((price, message) -> {
            ProductJson request = ProductJson.aProduct().with("price", price);

            api.add(request).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[*].field").isEqualTo(List.of("price"))
                    .jsonPath("$.errors[0].message").isEqualTo(message)
                    .jsonPath("$.detail").isEqualTo("The request has invalid fields: price");

            assertThat(documentsWithSkuKey(request.sku())).as("stored with price %s", price).isZero();
        });
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        ProductJson request = ProductJson.aProduct().with("sku", "bad sku!").with("name", " ").with("currency", "yen")
                .without("price").with("imageUrls", List.of("ftp://x")).with("attributes", Map.of("a.b", "c"));

        api.add(request).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("attributes[a.b]", "currency", "imageUrls[0]", "name",
                        "price", "sku"));
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsNamed() {
        api.add(ProductJson.aProduct().with("attributes", List.of("origin"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("attributes");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        api.http().post().uri("/api/products").header("Authorization", "Bearer " + api.adminToken())
                .contentType(MediaType.APPLICATION_JSON).body("{\"sku\":").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body is missing or is not valid JSON");
    }

    @Test
    void anUpdateBasedOnTheCurrentVersionReplacesTheContentAndMovesTheVersion() {
        ProductJson request = ProductJson.aProduct();
        Object id = api.added(request).get("id");
        // Read first, so that the shoppers' read cache holds version 1: the update must not be hidden by it.
        assertThat(api.product(id)).containsEntry("version", 1);

        api.update(id, request.with("price", "1080").with("name", "Hojicha Premium").with("version", 1))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");

        assertThat(api.product(id)).containsEntry("price", "1080").containsEntry("name", "Hojicha Premium")
                .containsEntry("version", 2);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIsAConflictAndChangesNothing() {
        ProductJson request = ProductJson.aProduct();
        Object id = api.added(request).get("id");
        api.update(id, request.with("price", "1080").with("version", 1)).expectStatus().isOk();

        api.update(id, request.with("price", "111").with("version", 1))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Stale version")
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:stale-version")
                .jsonPath("$.currentVersion").isEqualTo(2);

        assertThat(api.product(id)).containsEntry("price", "1080").containsEntry("version", 2);
    }

    @Test
    void ifMatchCarriesTheExpectedVersionToo() {
        ProductJson request = ProductJson.aProduct().without("version");
        Object id = api.added(request).get("id");

        api.http().put().uri("/api/products/{id}", id).header("Authorization", "Bearer " + api.adminToken())
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).body(request.with("price", "990").build())
                .exchange().expectStatus().isOk();
        api.http().put().uri("/api/products/{id}", id).header("Authorization", "Bearer " + api.adminToken())
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).body(request.with("price", "995").build())
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);

        assertThat(api.product(id)).containsEntry("price", "990").containsEntry("version", 2);
    }

    @Test
    void anUpdateWithoutAVersionIsRefusedNamingTheVersion() {
        ProductJson request = ProductJson.aProduct();
        Object id = api.added(request).get("id");

        api.update(id, request.with("price", "1080")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
    }

    @Test
    void changingTheSkuToOneThatIsTakenIsAConflictAndChangesNothing() {
        ProductJson taken = ProductJson.aProduct();
        api.added(taken);
        ProductJson request = ProductJson.aProduct();
        Object id = api.added(request).get("id");

        api.update(id, ProductJson.aProduct().with("sku", taken.sku().toLowerCase()).with("version", 1))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.title").isEqualTo("Duplicate SKU");

        assertThat(api.product(id)).containsEntry("sku", request.sku()).containsEntry("version", 1);
    }

    @Test
    void aDiscontinuedProductIsHiddenFromSearchButStillReadableById() {
        String word = "kintsugi" + UUID.randomUUID().toString().substring(0, 6);
        ProductJson request = ProductJson.aProduct().with("name", "Repair Kit " + word);
        Object id = api.added(request).get("id");
        assertThat(api.field(api.page("q=" + word), "id")).containsExactly(id);

        api.discontinue(id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DISCONTINUED")
                .jsonPath("$.version").isEqualTo(2);
        api.discontinue(id).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        assertThat(api.page("q=" + word)).containsEntry("totalElements", 0);
        assertThat(api.product(id)).containsEntry("status", "DISCONTINUED");
        api.update(id, request.with("version", 2)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.title").isEqualTo("Product discontinued");
    }

    @Test
    void unknownProductsAreNotFoundProblems() {
        UUID unknown = UUID.randomUUID();

        api.get(unknown).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Product not found")
                .jsonPath("$.type").isEqualTo("tag:kaimono.dev,2026:problem:product-not-found");
        api.update(unknown, ProductJson.aProduct().with("version", 1)).expectStatus().isNotFound();
        api.discontinue(unknown).expectStatus().isNotFound();
    }

    /** As in every other service: a path id that is not a UUID names the parameter (it used to be a 404 here). */
    @Test
    void aMalformedProductIdIsABadRequestNamingIt() {
        for (RestTestClient.ResponseSpec answer : List.of(api.get("not-a-uuid"),
                api.update("not-a-uuid", ProductJson.aProduct().with("version", 1)), api.discontinue("not-a-uuid"))) {
            answer.expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("id")
                    .jsonPath("$.errors[0].message").isEqualTo("must be a UUID");
        }
    }

    @Test
    void writingNeedsAToken() {
        ProductJson request = ProductJson.aProduct();

        api.http().post().uri("/api/products").contentType(MediaType.APPLICATION_JSON).body(request.build()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.http().post().uri("/api/products/{id}/discontinue", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();

        assertThat(documentsWithSkuKey(request.sku())).isZero();
    }

    @Test
    void shoppersMayReadButNotWrite() {
        ProductJson request = ProductJson.aProduct();
        Object id = api.added(request).get("id");
        String shopper = "Bearer " + api.shopperToken();

        api.http().post().uri("/api/products").header("Authorization", shopper).contentType(MediaType.APPLICATION_JSON)
                .body(ProductJson.aProduct().build()).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.http().put().uri("/api/products/{id}", id).header("Authorization", shopper).contentType(MediaType.APPLICATION_JSON)
                .body(request.with("price", "1").with("version", 1).build()).exchange().expectStatus().isForbidden();
        api.http().post().uri("/api/products/{id}/discontinue", id).header("Authorization", shopper).exchange()
                .expectStatus().isForbidden();
        api.http().get().uri("/api/products/{id}", id).header("Authorization", shopper).exchange().expectStatus().isOk();

        assertThat(api.product(id)).containsEntry("status", "ACTIVE").containsEntry("version", 1);
    }

    @Test
    void batchReadReturnsTheProductsThatExistInTheOrderAskedWithTheirStatus() {
        Object first = api.added(ProductJson.aProduct()).get("id");
        Object second = api.added(ProductJson.aProduct()).get("id");
        api.discontinue(second).expectStatus().isOk();

        List<Map<String, Object>> found = api.http().get()
                .uri("/api/products/batch?ids={ids}", second + "," + UUID.randomUUID() + "," + first + "," + second)
                .exchange().expectStatus().isOk().expectBody(CatalogApi.JSON_LIST).returnResult().getResponseBody();

        assertThat(found).extracting(product -> product.get("id")).containsExactly(second, first);
        assertThat(found).extracting(product -> product.get("status")).containsExactly("DISCONTINUED", "ACTIVE");
    }

    @Test
    void batchReadRefusesMalformedOrTooManyIdsNamingIds() {
        String tooMany = String.join(",", IntStream.rangeClosed(0, 100).mapToObj(i -> UUID.randomUUID().toString()).toList());

        api.http().get().uri("/api/products/batch?ids=nope").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ids");
        api.http().get().uri("/api/products/batch?ids={ids}", tooMany).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ids");
        api.http().get().uri("/api/products/batch").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ids");
    }

    private Map<String, Object> storedBySku(String sku) {
        Document document = mongo.getCollection("products").find(new Document("sku", sku)).first();
        assertThat(document).as("product %s stored", sku).isNotNull();
        return api.product(document.getString("_id"));
    }

    private long documentsWithSkuKey(String sku) {
        return mongo.getCollection("products").countDocuments(new Document("skuKey", sku.toUpperCase()));
    }
}
