/**
 * Use cases of order-service, one subpackage each (placing, cart, saga, reading, fulfilment), and here what they
 * share: the order command handler, the event stream and its store, publishing messages, retrying transactions,
 * who is asking, and the errors they raise. Transactions begin and end in this ring.
 */
package dev.kaimono.order.application;
