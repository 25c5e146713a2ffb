/**
 * The built-in simulated payment provider (card-test conventions, configurable latency and failure rate), the
 * default adapter of the {@link dev.kaimono.payment.domain.PaymentProvider} port.
 */
package dev.kaimono.payment.simulation;
