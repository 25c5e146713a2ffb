package dev.kaimono.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The instances of every downstream service as configured in {@link ServicesProperties}: the static instance
 * lists that Spring Cloud LoadBalancer balances over (round robin). Kubernetes and Compose give one address per
 * service, so each list has one entry there; {@code ./platform} with {@code KAIMONO_INSTANCES} lists each
 * instance's port. Nothing is discovered, cached or refreshed: the lists are fixed for the gateway's lifetime.
 */
final class StaticInstances {

    private final Map<String, List<ServiceInstance>> instances;

    StaticInstances(ServicesProperties services) {
        this.instances = Stream.of(Downstream.values()).collect(Collectors.toMap(Downstream::serviceId,
                downstream -> downstream.instances(services).stream()
                        .map(uri -> instance(downstream.serviceId(), uri)).toList()));
    }

    /** The supplier of one service's instances, for the load balancer of that service. */
    ServiceInstanceListSupplier of(String serviceId) {
        List<ServiceInstance> list = instances.get(serviceId);
        if (list == null) {
            throw new IllegalArgumentException("No downstream service is called '" + serviceId + "'");
        }
        return ServiceInstanceListSuppliers.from(serviceId, list.toArray(ServiceInstance[]::new));
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "@" + uri.getAuthority(), serviceId, uri.getHost(), port, secure);
    }

    /** Every load balancer's instance list comes from {@link StaticInstances}, in place of a discovery client. */
    @Configuration(proxyBeanMethods = false)
    @LoadBalancerClients(defaultConfiguration = StaticInstances.PerService.class)
    static class Lists {

        @Bean
        StaticInstances staticInstances(ServicesProperties services) {
            return new StaticInstances(services);
        }
    }

    /** The configuration of each service's load-balancer context (a child of the application context). */
    static class PerService {

        @Bean
        ServiceInstanceListSupplier staticInstanceList(Environment environment, StaticInstances instances) {
            return instances.of(LoadBalancerClientFactory.getName(environment));
        }
    }
}
