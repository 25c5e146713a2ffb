/**
 * The shipping domain in plain Java: the {@link dev.kaimono.shipping.domain.Shipment} aggregate, its values
 * and events, and the ports that store it. No Spring, JPA, Jackson or AMQP types here (checked by ArchUnit).
 */
package dev.kaimono.shipping.domain;
