/** HTTP API of inventory: availability for anyone, stock counts for administrators, problem details for errors. */
package dev.kaimono.inventory.web;
