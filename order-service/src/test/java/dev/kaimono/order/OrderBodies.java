package dev.kaimono.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of {@code POST /api/orders}, built from parts rather than copied JSON. */
final class OrderBodies {

    private OrderBodies() {
    }

    static Map<String, Object> line(UUID productId, int quantity) {
        return Map.of("productId", productId.toString(), "quantity", quantity);
    }

    static Map<String, Object> anAddress() {
        return Map.of("name", "Ann Lee", "line1", "1-2-3 Jingumae", "city", "Tokyo", "postalCode", "150-0001", "country", "JP");
    }

    /** Two tins of matcha and a whisk, paid with a card that succeeds: 9200 JPY at the stub catalog's prices. */
    static Map<String, Object> anOrder() {
        return orderOf(line(StubCatalog.MATCHA, 2), line(StubCatalog.WHISK, 1));
    }

    @SafeVarargs
    static Map<String, Object> orderOf(Map<String, Object>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", List.of(lines));
        body.put("shippingAddress", anAddress());
        body.put("paymentMethod", "pm_card_visa");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> withAddress(String field, Object value) {
        Map<String, Object> address = new LinkedHashMap<>(anAddress());
        address.put(field, value);
        return with(anOrder(), "shippingAddress", address);
    }

    static List<Map<String, Object>> lines(Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) body.get("lines");
        return new ArrayList<>(lines);
    }
}
