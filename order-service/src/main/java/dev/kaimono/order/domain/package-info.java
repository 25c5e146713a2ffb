/**
 * The order aggregate in the decider shape, in plain Java: commands, events, the state they fold into,
 * and the rules of the order lifecycle (ARCHITECTURE §3). No Spring, JPA, Jackson or AMQP here.
 */
package dev.kaimono.order.domain;
