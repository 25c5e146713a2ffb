/**
 * The payment model in plain Java: the {@link dev.kaimono.payment.domain.Payment} aggregate, its values and
 * events. No Spring, persistence, JSON or messaging types here; the ports to its store and to the payment
 * provider belong to the use cases ({@code application}).
 */
package dev.kaimono.payment.domain;
