package dev.kaimono.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whose bucket a request draws from: {@code user:<sub>} for a verified token, otherwise
 * {@code ip:<client address>}. The client address is the TCP peer unless that peer is a trusted proxy; then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first other hop is the
 * client. Entries a client wrote itself (left of that hop) are never believed.
 */
final class ClientKeyResolver {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trustedProxies;

    ClientKeyResolver(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(ClientKeyResolver::rule).toList();
    }

    Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange.getRequest())));
    }

    String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress peer = remote.getAddress();
        if (!trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = request.getHeaders().getValuesAsList(FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .toList();
        InetAddress client = peer;
        for (String hop : hops.reversed()) {
            InetAddress address = ipLiteral(hop);
            if (address == null) {
                break;
            }
            client = address;
            if (!trusted(address)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static @Nullable InetAddress ipLiteral(String text) {
        if (NetUtil.isValidIpV4Address(text) || NetUtil.isValidIpV6Address(text)) {
            return NetUtil.createInetAddressFromIpAddressString(text);
        }
        return null;
    }

    private static IpSubnetFilterRule rule(String proxy) {
        String cidr = proxy;
        if (!proxy.contains("/")) {
            InetAddress address = ipLiteral(proxy);
            if (address == null) {
                throw new IllegalArgumentException("Trusted proxy '" + proxy + "' is not an IP address or CIDR range");
            }
            cidr = proxy + "/" + (address.getAddress().length * 8);
        }
        return new IpSubnetFilterRule(cidr, IpFilterRuleType.ACCEPT);
    }
}
