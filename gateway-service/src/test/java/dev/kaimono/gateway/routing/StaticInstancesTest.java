package dev.kaimono.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/** Which instances the load balancer is offered, with a clock the test moves. */
class StaticInstancesTest {

    private static final List<URI> ONE = List.of(URI.create("http://127.0.0.1:8081"));
    private static final List<URI> TWO_CATALOGS = List.of(URI.create("http://127.0.0.1:8082"),
            URI.create("http://127.0.0.1:8182"));

    private Instant now = Instant.parse("2026-12-05T10:00:00Z");

    private final StaticInstances instances = new StaticInstances(
            new ServicesProperties(ONE, TWO_CATALOGS, ONE, ONE, ONE, ONE), new Clock() {
                @Override
                public Instant instant() {
                    return now;
                }

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }
            });

    @Test
    void anInstanceThatRefusedIsLeftOutForAWhileThenOfferedAgain() {
        assertThat(ports("catalog-service")).containsExactly(8082, 8182);

        instances.refused("catalog-service", "127.0.0.1:8182");
        assertThat(ports("catalog-service")).containsExactly(8082);

        now = now.plus(StaticInstances.SET_ASIDE);
        assertThat(ports("catalog-service")).containsExactly(8082, 8182);
    }

    @Test
    void whenEveryInstanceRefusedAllAreOfferedRatherThanNone() {
        instances.refused("catalog-service", "127.0.0.1:8082");
        instances.refused("catalog-service", "127.0.0.1:8182");

        assertThat(ports("catalog-service")).containsExactly(8082, 8182);
    }

    @Test
    void anAddressOfAnotherServiceSetsNothingAside() {
        instances.refused("user-service", "127.0.0.1:8182");

        assertThat(ports("catalog-service")).containsExactly(8082, 8182);
    }

    @Test
    void onlyAConnectionThatWasNeverMadeCounts() {
        WebClientRequestException refused = new WebClientRequestException(new ConnectException("Connection refused"),
                HttpMethod.GET, URI.create("http://127.0.0.1:8182/api/products"), HttpHeaders.EMPTY);
        WebClientRequestException reset = new WebClientRequestException(new IOException("Connection reset"),
                HttpMethod.GET, URI.create("http://127.0.0.1:8182/api/products"), HttpHeaders.EMPTY);

        assertThat(StaticInstances.notConnected(refused)).isTrue();
        assertThat(StaticInstances.notConnected(reset)).isFalse();
    }

    private List<Integer> ports(String serviceId) {
        return instances.available(serviceId).stream().map(ServiceInstance::getPort).toList();
    }
}
