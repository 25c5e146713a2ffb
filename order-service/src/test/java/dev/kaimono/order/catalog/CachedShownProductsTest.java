package dev.kaimono.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kaimono.order.application.placing.Catalog;
import dev.kaimono.order.application.placing.Catalog.CatalogProduct;
import dev.kaimono.order.application.placing.CatalogUnavailableException;
import dev.kaimono.order.domain.Money;
import dev.kaimono.order.domain.ProductId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What a cart shows: asked once while fresh, only the missing ones asked, nothing invented while the catalog is down. */
class CachedShownProductsTest {

    private static final CatalogProduct MATCHA = product("Uji Matcha 100g", "3200");
    private static final CatalogProduct WHISK = product("Bamboo Whisk", "2800");
    private static final ProductId UNKNOWN = new ProductId(UUID.randomUUID());

    private final FakeCatalog catalog = new FakeCatalog(MATCHA, WHISK);

    @Test
    void asksTheCatalogOnlyForProductsItHasNotShownLately() {
        CachedShownProducts shown = shownFor(Duration.ofMinutes(1));

        assertThat(shown.products(List.of(MATCHA.id()))).containsOnlyKeys(MATCHA.id());
        assertThat(shown.products(List.of(MATCHA.id(), WHISK.id(), UNKNOWN))).containsOnlyKeys(MATCHA.id(), WHISK.id());
        assertThat(shown.products(List.of(MATCHA.id(), WHISK.id()))).containsEntry(WHISK.id(), WHISK);

        assertThat(catalog.asked).containsExactly(List.of(MATCHA.id()), List.of(WHISK.id(), UNKNOWN));
    }

    @Test
    void showsWhatItKnowsAndLeavesTheRestOutWhileTheCatalogIsDown() {
        CachedShownProducts shown = shownFor(Duration.ofMinutes(1));
        shown.seen(MATCHA);
        catalog.down = true;

        assertThat(shown.products(List.of(MATCHA.id(), WHISK.id()))).containsOnlyKeys(MATCHA.id());
    }

    @Test
    void keepsNothingWhenToldToKeepItForNoTime() {
        CachedShownProducts shown = shownFor(Duration.ZERO);

        shown.products(List.of(MATCHA.id()));
        shown.products(List.of(MATCHA.id()));

        assertThat(catalog.asked).hasSize(2);
    }

    private CachedShownProducts shownFor(Duration time) {
        return new CachedShownProducts(catalog,
                new CatalogProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), time, 100), new SimpleMeterRegistry());
    }

    private static CatalogProduct product(String name, String price) {
        return new CatalogProduct(new ProductId(UUID.randomUUID()), name, Money.of(price, "JPY"), true);
    }

    private static final class FakeCatalog implements Catalog {

        private final Map<ProductId, CatalogProduct> products = new LinkedHashMap<>();
        private final List<List<ProductId>> asked = new ArrayList<>();
        private boolean down;

        FakeCatalog(CatalogProduct... products) {
            for (CatalogProduct product : products) {
                this.products.put(product.id(), product);
            }
        }

        @Override
        public Map<ProductId, CatalogProduct> products(Collection<ProductId> ids) {
            asked.add(List.copyOf(ids));
            if (down) {
                throw new CatalogUnavailableException("down", null);
            }
            Map<ProductId, CatalogProduct> found = new LinkedHashMap<>();
            ids.stream().filter(products::containsKey).forEach(id -> found.put(id, products.get(id)));
            return found;
        }
    }
}
