package dev.kaimono.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientKeyResolverTest {

    private static final List<String> INGRESS = List.of("10.0.0.0/8", "192.168.1.7");

    @Test
    void keysAVerifiedTokenBySubject() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("3f6c1c1e-5a8e-4d1b-9d1e-0a8b7c6d5e4f")
                .issuedAt(Instant.now()).build();
        ServerWebExchange exchange = exchange(request("203.0.113.9")).mutate()
                .principal(Mono.just(new JwtAuthenticationToken(jwt))).build();

        assertThat(new ClientKeyResolver(List.of()).resolve(exchange).block())
                .isEqualTo("user:3f6c1c1e-5a8e-4d1b-9d1e-0a8b7c6d5e4f");
    }

    @Test
    void keysAnAnonymousRequestByClientAddress() {
        assertThat(new ClientKeyResolver(List.of()).resolve(exchange(request("203.0.113.9"))).block())
                .isEqualTo("ip:203.0.113.9");
    }

    @Test
    void keysAnyOtherPrincipalByClientAddress() {
        ServerWebExchange exchange = exchange(request("203.0.113.9")).mutate()
                .principal(Mono.just(new TestingAuthenticationToken("someone", "secret"))).build();

        assertThat(new ClientKeyResolver(List.of()).resolve(exchange).block()).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void ignoresForwardedForWhenNoProxyIsTrusted() {
        MockServerHttpRequest request = request("203.0.113.9", "198.51.100.1");

        assertThat(new ClientKeyResolver(List.of()).clientAddress(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
        MockServerHttpRequest request = request("203.0.113.9", "198.51.100.1");

        assertThat(new ClientKeyResolver(INGRESS).clientAddress(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void takesTheHopATrustedProxyAppended() {
        MockServerHttpRequest request = request("10.1.2.3", "198.51.100.1");

        assertThat(new ClientKeyResolver(INGRESS).clientAddress(request)).isEqualTo("198.51.100.1");
    }

    @Test
    void skipsTrustedProxiesAndIgnoresWhatTheClientWroteItself() {
        MockServerHttpRequest request = request("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.7", "10.9.9.9");

        assertThat(new ClientKeyResolver(INGRESS).clientAddress(request)).isEqualTo("198.51.100.1");
    }

    @Test
    void fallsBackToTheLastTrustedHopWhenAHopIsNotAnAddress() {
        MockServerHttpRequest request = request("10.1.2.3", "198.51.100.1, unknown");

        assertThat(new ClientKeyResolver(INGRESS).clientAddress(request)).isEqualTo("10.1.2.3");
    }

    @Test
    void understandsIpv6Hops() {
        MockServerHttpRequest request = request("10.1.2.3", "2001:db8::1");

        assertThat(new ClientKeyResolver(INGRESS).clientAddress(request)).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientKeyResolver(List.of("ingress.local")))
                .withMessageContaining("ingress.local");
    }

    private static MockServerHttpRequest request(String peer, String... forwardedFor) {
        return MockServerHttpRequest.get("/api/products")
                .remoteAddress(new InetSocketAddress(peer, 443))
                .header(ClientKeyResolver.FORWARDED_FOR, forwardedFor)
                .build();
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest request) {
        return MockServerWebExchange.from(request);
    }
}
