package dev.kaimono.payment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kaimono.payment.application.PaymentProperties;
import dev.kaimono.payment.application.UnsettledPaymentsSweep;
import dev.kaimono.runtime.PeriodicWorker;

/** Runs the recovery sweep every {@code kaimono.payment.recovery.interval} (after the previous run ends), on every instance. */
@Configuration(proxyBeanMethods = false)
class RecoveryScheduling {

    @Bean
    PeriodicWorker paymentRecoveryWorker(UnsettledPaymentsSweep sweep, PaymentProperties properties) {
        return PeriodicWorker.named("payment-recovery").every(properties.recovery().interval())
                .againWhenFull(properties.recovery().batchSize()).task(sweep::resolveDue);
    }
}
