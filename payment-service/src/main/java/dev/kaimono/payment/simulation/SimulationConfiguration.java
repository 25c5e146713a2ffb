package dev.kaimono.payment.simulation;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the simulator the payment provider unless {@code kaimono.payment.simulator.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kaimono.payment.simulator", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulationConfiguration {

    @Bean
    SimulatedPaymentProvider simulatedPaymentProvider(SimulatorProperties settings) {
        return new SimulatedPaymentProvider(settings, () -> ThreadLocalRandom.current().nextDouble());
    }
}
