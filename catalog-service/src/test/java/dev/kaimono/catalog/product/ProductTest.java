package dev.kaimono.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProductTest {

    private static final UUID ID = UUID.fromString("7d4c2a7e-3f1b-4c8e-9a55-0b6f0e2d9c11");
    private static final Instant ADDED = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant LATER = ADDED.plusSeconds(60);

    @Test
    void addingListsAnActiveProductAtVersionOneAndRecordsProductAdded() {
        Product product = Product.add(ID, ProductContents.matchaLatte(), ADDED);

        assertThat(product.status()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(product.version()).isEqualTo(1);
        assertThat(product.createdAt()).isEqualTo(ADDED).isEqualTo(product.updatedAt());
        assertThat(product.recordedEvents()).containsExactly(new ProductEvent.Added(ID, new Sku("TEA-MATCHA-LATTE"),
                "宇治抹茶ラテ Uji Matcha Latte", Price.of("1280", "JPY"), List.of("tea", "drinks")));
    }

    @Test
    void updatingAgainstTheCurrentVersionMovesToTheNextVersionAndRecordsProductUpdated() {
        Product product = stored(Product.add(ID, ProductContents.matchaLatte(), ADDED));

        Product updated = product.update(1, ProductContents.matchaLatteCosting("1480"), LATER);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.updatedAt()).isEqualTo(LATER);
        assertThat(updated.createdAt()).isEqualTo(ADDED);
        assertThat(updated.content().price().amountText()).isEqualTo("1480");
        assertThat(updated.recordedEvents()).singleElement().isInstanceOfSatisfying(ProductEvent.Updated.class, event -> {
            assertThat(event.price()).isEqualTo(Price.of("1480", "JPY"));
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.productId()).isEqualTo(ID);
        });
    }

    @Test
    void updatingAgainstAnOlderVersionIsRefused() {
        Product product = stored(Product.add(ID, ProductContents.matchaLatte(), ADDED))
                .update(1, ProductContents.matchaLatteCosting("1480"), LATER);

        assertThatThrownBy(() -> stored(product).update(1, ProductContents.matchaLatteCosting("900"), LATER))
                .isInstanceOfSatisfying(StaleProductVersionException.class,
                        exception -> assertThat(exception.currentVersion()).isEqualTo(2));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothingAndKeepsTheVersion() {
        Product product = stored(Product.add(ID, ProductContents.matchaLatte(), ADDED));

        Product same = product.update(1, ProductContents.matchaLatte(), LATER);

        assertThat(same.hasChanges()).isFalse();
        assertThat(same.version()).isEqualTo(1);
        assertThat(same.updatedAt()).isEqualTo(ADDED);
    }

    @Test
    void discontinuingRecordsProductDiscontinuedOnce() {
        Product product = stored(Product.add(ID, ProductContents.matchaLatte(), ADDED));

        Product discontinued = product.discontinue(LATER);
        Product again = stored(discontinued).discontinue(LATER.plusSeconds(1));

        assertThat(discontinued.status()).isEqualTo(ProductStatus.DISCONTINUED);
        assertThat(discontinued.version()).isEqualTo(2);
        assertThat(discontinued.recordedEvents()).containsExactly(new ProductEvent.Discontinued(ID, new Sku("TEA-MATCHA-LATTE")));
        assertThat(again.recordedEvents()).isEmpty();
        assertThat(again.version()).isEqualTo(2);
    }

    @Test
    void aDiscontinuedProductCannotBeChanged() {
        Product discontinued = stored(stored(Product.add(ID, ProductContents.matchaLatte(), ADDED)).discontinue(LATER));

        assertThatThrownBy(() -> discontinued.update(2, ProductContents.matchaLatteCosting("900"), LATER))
                .isInstanceOf(DiscontinuedProductException.class);
    }

    @Test
    void categoriesAreNormalizedTagsWithoutDuplicates() {
        ProductContent content = new ProductContent(new Sku("X-1"), "Cup", null, null, Price.of("500", "JPY"),
                List.of(" Tea  Ware ", "TEA WARE", "ＣＵＰＳ", "お茶"), null);

        assertThat(content.categories()).containsExactly("tea ware", "cups", "お茶");
        assertThat(content.description()).isEmpty();
    }

    @Test
    void aBlankCategoryOrNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new ProductContent(new Sku("X-1"), "Cup", null, null, Price.of("500", "JPY"), List.of("\u3000"), null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, exception -> assertThat(exception.problems())
                        .containsExactly(new FieldProblem("categories", "must not be blank")));
        assertThatThrownBy(() -> new ProductContent(new Sku("X-1"), "\u3000", null, null, Price.of("500", "JPY"), List.of(), null))
                .isInstanceOfSatisfying(InvalidFieldsException.class, exception -> assertThat(exception.problems())
                        .containsExactly(new FieldProblem("name", "must not be blank")));
    }

    @Test
    void skusCompareIgnoringCaseAndWidth() {
        assertThat(new Sku("km-1").key()).isEqualTo(new Sku("KM-1").key()).isEqualTo(new Sku("ＫＭ－１").key());
    }

    /** The product as the store hands it back: same state, no events. */
    private static Product stored(Product product) {
        return Product.restore(product.id(), product.content(), product.status(), product.version(), product.createdAt(),
                product.updatedAt(), product.rating());
    }
}
