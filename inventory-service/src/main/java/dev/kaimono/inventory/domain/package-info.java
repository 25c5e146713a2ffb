/**
 * The inventory model in plain Java: stock items per product, reservations per order, and the rules that
 * keep availability from going negative. No Spring, persistence, JSON or messaging types here.
 */
package dev.kaimono.inventory.domain;
