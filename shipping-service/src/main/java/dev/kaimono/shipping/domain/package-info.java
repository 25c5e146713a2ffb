/**
 * The shipping domain in plain Java: the {@link dev.kaimono.shipping.domain.Shipment} aggregate, its values
 * and events. No Spring, JPA, Jackson or AMQP types here (checked by ArchUnit); the ports that store it belong to
 * the use cases ({@code application}).
 */
package dev.kaimono.shipping.domain;
