package dev.kaimono.testsupport;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import dev.kaimono.testsupport.ReadmeAccessTable.Endpoint;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeAccessTableTest {

    private static final String ID = ReadmeAccessTable.SAMPLE_ID;

    @Test
    void readsMethodsPlaceholdersAlternativesAndQueries() {
        ReadmeAccessTable.Row row = ReadmeAccessTable.parse(
                " `GET/PUT /api/users/me`, `POST /api/shipments/{id}/dispatch\\|deliver`, `GET /api/payments?orderId=` |");

        assertThat(row.endpoints()).containsExactly(
                new Endpoint(HttpMethod.GET, "/api/users/me"),
                new Endpoint(HttpMethod.PUT, "/api/users/me"),
                new Endpoint(HttpMethod.POST, "/api/shipments/" + ID + "/dispatch"),
                new Endpoint(HttpMethod.POST, "/api/shipments/" + ID + "/deliver"),
                new Endpoint(HttpMethod.GET, "/api/payments"));
        assertThat(row.unreadable()).isEmpty();
    }

    @Test
    void expandsSetsOptionalPartsAndPathsThatContinueTheLastOne() {
        ReadmeAccessTable.Row row = ReadmeAccessTable.parse(
                "`GET /api/admin/{users,orders}/dead-letters`, `DELETE …/{queue}`, `GET /api/orders/{id}[?asOf=]`,"
                        + " `GET /api/admin/orders/sagas[/{orderId}]`");

        assertThat(row.endpoints()).containsExactly(
                new Endpoint(HttpMethod.GET, "/api/admin/users/dead-letters"),
                new Endpoint(HttpMethod.GET, "/api/admin/orders/dead-letters"),
                new Endpoint(HttpMethod.DELETE, "/api/admin/users/dead-letters/" + ID),
                new Endpoint(HttpMethod.DELETE, "/api/admin/orders/dead-letters/" + ID),
                new Endpoint(HttpMethod.GET, "/api/orders/" + ID),
                new Endpoint(HttpMethod.GET, "/api/admin/orders/sagas/" + ID),
                new Endpoint(HttpMethod.GET, "/api/admin/orders/sagas"));
    }

    @Test
    void keepsPlaceholdersAsTemplatesWhenAsked() {
        ReadmeAccessTable.Row row = ReadmeAccessTable.parse(
                "`DELETE /api/admin/{users,orders}/dead-letters/{queue}`, `GET /api/orders/{id}[?asOf=]`", "{}");

        assertThat(row.endpoints()).containsExactly(
                new Endpoint(HttpMethod.DELETE, "/api/admin/users/dead-letters/{}"),
                new Endpoint(HttpMethod.DELETE, "/api/admin/orders/dead-letters/{}"),
                new Endpoint(HttpMethod.GET, "/api/orders/{}"));
    }

    @Test
    void tellsProseFromSpansItCannotRead() {
        ReadmeAccessTable.Row row = ReadmeAccessTable.parse(
                "`POST /api/orders` (`Idempotency-Key` honoured); `HEAD` wherever `GET` is open, `/api/admin/x`, `…/y`");

        assertThat(row.endpoints()).containsExactly(new Endpoint(HttpMethod.POST, "/api/orders"));
        assertThat(row.unreadable()).containsExactly("Idempotency-Key", "/api/admin/x", "…/y");
    }
}
