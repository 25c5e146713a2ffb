package dev.kaimono.gateway.routing;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

/**
 * WebClients for the gateway's own calls to a service (product details, the API description): balanced over the
 * service's instances like its route, trying the next instance when one refuses the connection, from one connection
 * pool that closes idle connections when the routes' pool does (ADR 0035).
 */
@Component
public class ServiceClients implements DisposableBean {

    private final ServicesProperties services;
    private final ReactorLoadBalancerExchangeFilterFunction loadBalancer;
    private final StaticInstances instances;
    private final ConnectionProvider connections;

    ServiceClients(ServicesProperties services, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            StaticInstances instances, HttpClientProperties routes) {
        this.services = services;
        this.loadBalancer = loadBalancer;
        this.instances = instances;
        // The sizes of HttpClient.create()'s shared pool, which these clients used before (a builder's own are 16/32).
        ConnectionProvider.Builder pool = ConnectionProvider.builder("service-clients").maxConnections(500)
                .pendingAcquireMaxCount(1000);
        Duration maxIdleTime = routes.getPool().getMaxIdleTime();
        if (maxIdleTime != null) {
            pool.maxIdleTime(maxIdleTime);
        }
        Duration evictionInterval = routes.getPool().getEvictionInterval();
        if (evictionInterval != null && !evictionInterval.isZero()) {
            pool.evictInBackground(evictionInterval);
        }
        this.connections = pool.build();
    }

    /** A client for one service that holds at most {@code maxAnswerBytes} of an answer in memory. */
    public WebClient client(Downstream service, int maxAnswerBytes) {
        HttpClient http = HttpClient.create(connections).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000);
        long others = service.instances(services).size() - 1L;
        return WebClient.builder()
                .baseUrl("http://" + service.serviceId())
                .filter((request, next) -> next.exchange(request)
                        .retryWhen(Retry.max(others).filter(StaticInstances::notConnected)))
                .filter(loadBalancer)
                .filter(instances.reportRefused(service))
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxAnswerBytes))
                .build();
    }

    @Override
    public void destroy() {
        connections.dispose();
    }
}
