import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the local demo catalog through the gateway's admin API, idempotently: a product whose SKU
 * exists already (409) is left alone, with its stock; a new product gets its seed stock. Run by
 * {@code ./platform up} (skip with KAIMONO_SEED=0) as {@code java tools/Seed.java}; reads
 * KAIMONO_GATEWAY_URL, KAIMONO_ADMIN_EMAIL and KAIMONO_ADMIN_PASSWORD.
 */
public class Seed {

    record Product(String sku, String name, String description, String price, String category, int stock) {

        String json() {
            return """
                    {"sku":"%s","name":"%s","description":"%s","price":"%s","currency":"JPY","categories":["%s"]}"""
                    .formatted(sku, name, description, price, category);
        }
    }

    static final List<Product> CATALOG = List.of(
            new Product("TEA-MATCHA-100", "宇治抹茶 Uji Matcha 100g", "Stone-ground ceremonial matcha from Uji, Kyoto", "3200", "tea", 40),
            new Product("TEA-SENCHA-200", "静岡煎茶 Shizuoka Sencha 200g", "First-flush sencha, deep steamed", "1800", "tea", 60),
            new Product("TEA-HOJICHA-150", "ほうじ茶 Hojicha 150g", "Roasted green tea, low in caffeine", "1200", "tea", 35),
            new Product("KIT-CHASEN-80", "茶筅 Bamboo Whisk", "80-prong bamboo whisk for matcha", "2800", "teaware", 15),
            new Product("KIT-CHAWAN-01", "抹茶碗 Matcha Bowl", "Hand-thrown stoneware bowl", "5400", "teaware", 8),
            new Product("KIT-KYUSU-300", "急須 Kyusu Teapot 300ml", "Tokoname clay side-handle teapot", "6800", "teaware", 5),
            new Product("SNK-SENBEI-12", "醤油せんべい Soy Rice Crackers", "Twelve crisp soy-glazed rice crackers", "680", "snacks", 120),
            new Product("SNK-MOCHI-6", "大福 Daifuku Mochi (6)", "Red bean daifuku, six pieces", "980", "snacks", 30),
            new Product("KIT-FUROSHIKI-70", "風呂敷 Furoshiki Cloth", "70 cm cotton wrapping cloth, wave pattern", "1500", "lifestyle", 25),
            new Product("KIT-HASHI-SET", "箸セット Chopstick Set", "Two pairs of lacquered chopsticks with rests", "2200", "lifestyle", 3));

    public static void main(String[] args) throws Exception {
        String gateway = System.getenv().getOrDefault("KAIMONO_GATEWAY_URL", "http://127.0.0.1:8080");
        String email = System.getenv().getOrDefault("KAIMONO_ADMIN_EMAIL", "admin@kaimono.local");
        String password = System.getenv().getOrDefault("KAIMONO_ADMIN_PASSWORD", "kaimono-admin");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> login = send(http, post(gateway + "/api/auth/token", null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)));
        if (login.statusCode() != 200) {
            fail("admin login as " + email + " answered " + login.statusCode() + ": " + login.body());
        }
        String token = field(login.body(), "access_token");

        int created = 0;
        int existing = 0;
        for (Product product : CATALOG) {
            HttpResponse<String> response = send(http, post(gateway + "/api/products", token, product.json()));
            if (response.statusCode() == 409) {
                existing++;
                continue;
            }
            if (response.statusCode() != 201) {
                fail("adding " + product.sku() + " answered " + response.statusCode() + ": " + response.body());
            }
            String id = field(response.body(), "id");
            HttpResponse<String> stock = send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/inventory/" + id))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\":" + product.stock() + "}"))
                    .build());
            if (stock.statusCode() != 200) {
                fail("stocking " + product.sku() + " answered " + stock.statusCode() + ": " + stock.body());
            }
            created++;
        }
        System.out.printf("Seed catalog: %d products added with stock, %d already present.%n", created, existing);
    }

    static HttpRequest post(String url, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            fail("no \"" + name + "\" in " + json);
        }
        return matcher.group(1);
    }

    static void fail(String message) {
        System.err.println("Seeding failed: " + message);
        System.exit(1);
    }
}
