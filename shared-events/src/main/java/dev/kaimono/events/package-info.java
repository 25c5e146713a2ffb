/**
 * Integration-event and command contracts of Kaimono (ARCHITECTURE §2): plain records with no framework
 * types, what services promise each other over RabbitMQ. Each names its {@link dev.kaimono.events.MessageType}
 * (routing key and version). Changing a field breaks consumers: add a new version instead.
 */
package dev.kaimono.events;
