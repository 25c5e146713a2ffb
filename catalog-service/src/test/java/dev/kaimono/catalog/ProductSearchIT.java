package dev.kaimono.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kaimono.testsupport.WithInfrastructure;

/**
 * Shoppers search a small shelf of Latin- and Japanese-named products over the MongoDB wire protocol:
 * words, prefixes, Japanese substrings, categories, pages and orders. The context (and its database)
 * belongs to this class alone, so totals are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@WithInfrastructure({WithInfrastructure.Service.MONGODB, WithInfrastructure.Service.RABBITMQ})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductSearchIT {

    private static final String LATTE = "宇治抹茶ラテ Uji Matcha Latte";
    private static final String WHISK = "Matcha Whisk 茶筅";
    private static final String HOJICHA = "Hojicha Roasted Tea ほうじ茶";
    private static final String SENCHA = "Sencha Green Tea 煎茶";
    private static final String CHAWAN = "Chawan Tea Bowl 抹茶碗";
    private static final String YUZU = "Yuzu Kosho 柚子胡椒";
    private static final String MISO = "Miso Paste 味噌";
    private static final String RAMEN = "Ramen Bowl ラーメン丼";
    private static final String TETSUBIN = "Cast Iron Teapot 鉄瓶";
    private static final String HASHI = "Bamboo Chopsticks 箸";
    private static final String TIN = "Matcha Tin (old design)";

    @LocalServerPort
    int port;

    CatalogApi api;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        CatalogApi.acceptTestTokens(registry);
    }

    /** Added in this order (so by creation time too); the tin is discontinued. */
    @BeforeAll
    void shelf() {
        api = new CatalogApi(port);
        api.added(ProductJson.aProduct(LATTE, "1280", "tea", "drinks"));
        api.added(ProductJson.aProduct(WHISK, "3200", "tea ware"));
        api.added(ProductJson.aProduct(HOJICHA, "980", "tea"));
        api.added(ProductJson.aProduct(SENCHA, "1500", "tea"));
        api.added(ProductJson.aProduct(CHAWAN, "4800", "tea ware").with("description", "For whisking matcha"));
        api.added(ProductJson.aProduct(YUZU, "900", "seasoning"));
        api.added(ProductJson.aProduct(MISO, "650", "seasoning"));
        api.added(ProductJson.aProduct(RAMEN, "2200", "kitchen"));
        api.added(ProductJson.aProduct(TETSUBIN, "12000", "tea ware", "kitchen"));
        api.added(ProductJson.aProduct(HASHI, "500", "kitchen"));
        api.discontinue(api.added(ProductJson.aProduct(TIN, "700", "tea")).get("id")).expectStatus().isOk();
    }

    @Test
    void aLatinWordFindsTheActiveProductsThatHaveIt() {
        assertThat(names("q=matcha")).containsExactly(CHAWAN, WHISK, LATTE);
    }

    @Test
    void anyoneMayAskForTheHeadersOfWhatAnyoneMayRead() {
        api.http().head().uri("/api/products?q=matcha").exchange().expectStatus().isOk();
        api.http().head().uri("/api/products").header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void theBeginningOfANameWordFindsTheProduct() {
        assertThat(names("q=mat")).containsExactly(WHISK, LATTE);
        assertThat(names("q=Tea Bo")).containsExactly(CHAWAN);
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertThat(names("q=green tea")).containsExactly(SENCHA);
    }

    @Test
    void aJapaneseSubstringFindsTheProductsWhoseNamesContainIt() {
        assertThat(names("q=抹茶")).containsExactly(CHAWAN, LATTE);
        assertThat(names("q=茶")).containsExactly(CHAWAN, HOJICHA, WHISK, SENCHA, LATTE);
        assertThat(names("q=ラーメン")).containsExactly(RAMEN);
        assertThat(names("q=ﾗｰﾒﾝ")).containsExactly(RAMEN);
    }

    @Test
    void fullWidthLatinFindsTheSameAsHalfWidth() {
        assertThat(names("q=ＭＩＳＯ")).containsExactly(MISO);
    }

    @Test
    void aCategoryFilterKeepsTheProductsOfThatCategory() {
        assertThat(names("category=tea ware&sort=price,asc")).containsExactly(WHISK, CHAWAN, TETSUBIN);
        assertThat(names("category=Kitchen&q=bowl")).containsExactly(RAMEN);
    }

    @Test
    void pagesHoldTheirShareOfTheResultsWithTotals() {
        Map<String, Object> first = api.page("size=4&page=0&sort=price,asc");
        Map<String, Object> second = api.page("size=4&page=1&sort=price,asc");
        Map<String, Object> last = api.page("size=4&page=2&sort=price,asc");
        Map<String, Object> beyond = api.page("size=4&page=3&sort=price,asc");

        assertThat(first).containsEntry("page", 0).containsEntry("size", 4).containsEntry("totalElements", 10)
                .containsEntry("totalPages", 3);
        assertThat(api.field(first, "name")).containsExactly(HASHI, MISO, YUZU, HOJICHA);
        assertThat(api.field(second, "name")).containsExactly(LATTE, SENCHA, RAMEN, WHISK);
        assertThat(api.field(last, "name")).containsExactly(CHAWAN, TETSUBIN);
        assertThat(api.field(beyond, "name")).isEmpty();
        assertThat(beyond).containsEntry("totalElements", 10).containsEntry("page", 3);
    }

    @Test
    void productsSortByPriceEitherWay() {
        assertThat(api.field(api.page("sort=price,asc&size=3"), "price")).containsExactly("500", "650", "900");
        assertThat(api.field(api.page("sort=price,desc&size=3"), "price")).containsExactly("12000", "4800", "3200");
    }

    @Test
    void productsSortByNameIgnoringCaseWithJapaneseAfterLatinByDefault() {
        assertThat(names("size=100")).containsExactly(HASHI, TETSUBIN, CHAWAN, HOJICHA, WHISK, MISO, RAMEN, SENCHA, YUZU,
                LATTE);
        assertThat(names("sort=name,desc&size=2")).containsExactly(LATTE, YUZU);
    }

    @Test
    void productsSortByCreationTime() {
        assertThat(names("sort=createdAt,desc&size=3")).containsExactly(HASHI, TETSUBIN, RAMEN);
        assertThat(names("sort=createdAt&size=2")).containsExactly(LATTE, WHISK);
    }

    @Test
    void pageSizeAndSortOutOfRangeAreRefusedNamingTheParameter() {
        Map<String, String> refusals = Map.of(
                "size=0", "size",
                "size=101", "size",
                "size=many", "size",
                "page=-1", "page",
                "sort=colour", "sort",
                "sort=price,up", "sort");
        List<String> named = new ArrayList<>();
        refusals.forEach((query, parameter) -> api.search(query).expectStatus().isBadRequest()
                .expectBody(CatalogApi.JSON).value(problem -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
                    named.add(query + " -> " + errors.getFirst().get("field"));
                }));

        assertThat(named).containsExactlyInAnyOrder(refusals.entrySet().stream()
                .map(refusal -> refusal.getKey() + " -> " + refusal.getValue()).toArray(String[]::new));
    }

    @Test
    void discontinuedProductsAreNotFound() {
        assertThat(names("q=tin")).isEmpty();
        assertThat(names("q=design")).isEmpty();
    }

    @Test
    void categoriesAreListedWithTheirActiveProductCounts() {
        List<Map<String, Object>> categories = api.http().get().uri("/api/categories").exchange()
                .expectStatus().isOk().expectBody(CatalogApi.JSON_LIST).returnResult().getResponseBody();

        assertThat(categories).containsExactly(
                Map.of("name", "drinks", "products", 1),
                Map.of("name", "kitchen", "products", 3),
                Map.of("name", "seasoning", "products", 2),
                Map.of("name", "tea", "products", 3),
                Map.of("name", "tea ware", "products", 3));
    }

    private List<Object> names(String query) {
        return api.field(api.page(query), "name");
    }
}
