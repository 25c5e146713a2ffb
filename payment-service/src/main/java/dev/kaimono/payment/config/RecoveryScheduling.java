package dev.kaimono.payment.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import dev.kaimono.payment.application.PaymentProperties;
import dev.kaimono.payment.application.UnsettledPaymentsSweep;

/** Runs the recovery sweep every {@code kaimono.payment.recovery.interval} (after the previous run ends), on every instance. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecoveryScheduling implements SchedulingConfigurer {

    private final UnsettledPaymentsSweep sweep;
    private final PaymentProperties properties;

    RecoveryScheduling(UnsettledPaymentsSweep sweep, PaymentProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(sweep::resolveDue, properties.recovery().interval());
    }
}
