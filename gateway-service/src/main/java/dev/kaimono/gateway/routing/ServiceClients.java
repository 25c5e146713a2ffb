package dev.kaimono.gateway.routing;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * WebClients for the gateway's own calls to a service (product details, the API description): balanced over the
 * service's instances like its route, trying the next instance when one refuses the connection.
 */
@Component
public class ServiceClients {

    private final ServicesProperties services;
    private final ReactorLoadBalancerExchangeFilterFunction loadBalancer;
    private final StaticInstances instances;

    ServiceClients(ServicesProperties services, ReactorLoadBalancerExchangeFilterFunction loadBalancer,
            StaticInstances instances) {
        this.services = services;
        this.loadBalancer = loadBalancer;
        this.instances = instances;
    }

    /** A client for one service that holds at most {@code maxAnswerBytes} of an answer in memory. */
    public WebClient client(Downstream service, int maxAnswerBytes) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000);
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
}
