/**
 * The payment model in plain Java: the {@link dev.kaimono.payment.domain.Payment} aggregate, its values and
 * events, and the ports to its store and to the payment provider. No Spring, persistence, JSON or messaging
 * types here.
 */
package dev.kaimono.payment.domain;
