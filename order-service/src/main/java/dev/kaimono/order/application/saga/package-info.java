/** Running the place-order saga: starting it, applying replies and deadlines in one transaction each, and its store. */
package dev.kaimono.order.application.saga;
