/**
 * The place-order saga's decisions in plain Java: given its persisted state and a reply or a passed
 * deadline, the next state, the commands to send and the order command to apply. No I/O here; the
 * application layer stores each transition with what it sends in one transaction.
 */
package dev.kaimono.order.domain.saga;
