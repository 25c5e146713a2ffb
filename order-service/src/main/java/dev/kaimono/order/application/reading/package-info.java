/** What shoppers and administrators read: order details and summaries from the read models, pages of them, and the port to the views. */
package dev.kaimono.order.application.reading;
