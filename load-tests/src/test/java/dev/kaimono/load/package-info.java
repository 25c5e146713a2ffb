/**
 * The capacity load test: a Gatling simulation that sets up a shop through the gateway, then sends an open-loop
 * mix of shopper traffic at constant order rates in steps, and observes each order's outcome on the broker.
 */
package dev.kaimono.load;
