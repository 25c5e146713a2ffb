package dev.kaimono.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The instances of every downstream service as configured in {@link ServicesProperties}: the static instance
 * lists that Spring Cloud LoadBalancer balances over (round robin). Kubernetes and Compose give one address per
 * service, so each list has one entry there; {@code ./platform} with {@code KAIMONO_INSTANCES} lists each
 * instance's port. Nothing is discovered or refreshed.
 *
 * <p>An instance that refused a connection is left out of its service's list for {@link #SET_ASIDE} (passive
 * outlier detection), so the retry of that request, and the requests after it, go to the others; it is tried
 * again after that. When every instance of a service is set aside, all of them are offered: better one more
 * refused connection than no attempt at all.
 */
public final class StaticInstances {

    /** How long an instance that refused a connection is left out: short next to a restart (20 s and more). */
    static final Duration SET_ASIDE = Duration.ofSeconds(5);

    private final Map<String, List<ServiceInstance>> instances;
    private final Map<String, Instant> setAsideUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    StaticInstances(ServicesProperties services, Clock clock) {
        this.clock = clock;
        this.instances = Stream.of(Downstream.values()).collect(Collectors.toMap(Downstream::serviceId,
                downstream -> downstream.instances(services).stream()
                        .map(uri -> instance(downstream.serviceId(), uri)).toList()));
    }

    /** The instances of a service to balance over now: those that did not just refuse a connection. */
    List<ServiceInstance> available(String serviceId) {
        List<ServiceInstance> all = instances.get(serviceId);
        if (all == null) {
            throw new IllegalArgumentException("No downstream service is called '" + serviceId + "'");
        }
        Instant now = clock.instant();
        List<ServiceInstance> up = all.stream()
                .filter(instance -> !now.isBefore(setAsideUntil.getOrDefault(instance.getInstanceId(), Instant.MIN)))
                .toList();
        return up.isEmpty() ? all : up;
    }

    /** Leaves the instance of {@code serviceId} at {@code address} (host:port) out for a while. */
    void refused(String serviceId, String address) {
        String id = instanceId(serviceId, address);
        if (instances.getOrDefault(serviceId, List.of()).stream().anyMatch(instance -> instance.getInstanceId().equals(id))) {
            setAsideUntil.put(id, clock.instant().plus(SET_ASIDE));
        }
    }

    /**
     * For a {@code WebClient} balanced over {@code service}, innermost (after the load balancer chose the instance):
     * reports an instance that refused the connection.
     */
    public ExchangeFilterFunction reportRefused(Downstream service) {
        return (request, next) -> next.exchange(request).doOnError(error -> {
            if (notConnected(error)) {
                refused(service.serviceId(), request.url().getAuthority());
            }
        });
    }

    /** Whether a call failed to connect at all (clients wrap the cause): nothing of it reached the service. */
    public static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(instanceId(serviceId, uri.getHost() + ":" + port), serviceId, uri.getHost(),
                port, secure);
    }

    private static String instanceId(String serviceId, String address) {
        return serviceId + "@" + address;
    }

    /** Every load balancer's instance list comes from {@link StaticInstances}, in place of a discovery client. */
    @Configuration(proxyBeanMethods = false)
    @LoadBalancerClients(defaultConfiguration = StaticInstances.PerService.class)
    static class Lists {

        @Bean
        StaticInstances staticInstances(ServicesProperties services) {
            return new StaticInstances(services, Clock.systemUTC());
        }

        @Bean
        GlobalFilter refusedInstances(StaticInstances instances) {
            return new ReportRefused(instances);
        }
    }

    /** Right after the load balancer's choice: an instance that refused the connection is set aside. */
    static final class ReportRefused implements GlobalFilter, Ordered {

        private final StaticInstances instances;

        ReportRefused(StaticInstances instances) {
            this.instances = instances;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            return chain.filter(exchange).doOnError(error -> {
                Response<ServiceInstance> chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
                if (chosen != null && chosen.hasServer() && notConnected(error)) {
                    ServiceInstance instance = chosen.getServer();
                    instances.refused(instance.getServiceId(), instance.getHost() + ":" + instance.getPort());
                }
            });
        }

        @Override
        public int getOrder() {
            return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
        }
    }

    /** The configuration of each service's load-balancer context (a child of the application context). */
    static class PerService {

        @Bean
        ServiceInstanceListSupplier staticInstanceList(Environment environment, StaticInstances instances) {
            String serviceId = LoadBalancerClientFactory.getName(environment);
            instances.available(serviceId); // fails at once for an unknown service
            return new ServiceInstanceListSupplier() {
                @Override
                public String getServiceId() {
                    return serviceId;
                }

                @Override
                public Flux<List<ServiceInstance>> get() {
                    return Flux.defer(() -> Flux.just(instances.available(serviceId)));
                }
            };
        }
    }
}
