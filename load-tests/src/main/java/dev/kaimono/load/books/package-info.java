/**
 * The books check: an auditor that reads each service's ledger (order events and sagas, stock and
 * reservations, payments, shipments, outboxes) and the broker's queues after a run, and says per invariant
 * whether the books balance. Run by {@link dev.kaimono.load.books.BooksCheck}; reused by the fault suite.
 */
package dev.kaimono.load.books;
