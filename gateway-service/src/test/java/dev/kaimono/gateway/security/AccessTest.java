package dev.kaimono.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kaimono.testsupport.ReadmeAccessTable;
import dev.kaimono.testsupport.ReadmeAccessTable.Endpoint;

/** What the API description says of each endpoint is what the README's table says (EndpointAccessIT: and what the gateway does). */
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"anyone", "shopper", "admin"})
    void saysOfEveryEndpointOfTheReadmesTableWhatItsRowSays(String who) {
        Access expected = Access.valueOf(who.toUpperCase(Locale.ROOT));
        for (String placeholder : new String[] {ReadmeAccessTable.SAMPLE_ID, "{id}"}) {
            for (Endpoint endpoint : ReadmeAccessTable.row(who).endpoints()) {
                String path = endpoint.path().replace(ReadmeAccessTable.SAMPLE_ID, placeholder);
                assertThat(Access.of(endpoint.method(), path)).as(endpoint.method() + " " + path).isEqualTo(expected);
            }
        }
    }
}
