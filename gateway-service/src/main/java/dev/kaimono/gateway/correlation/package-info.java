/** The correlation id every request carries downstream and every response echoes. */
package dev.kaimono.gateway.correlation;
