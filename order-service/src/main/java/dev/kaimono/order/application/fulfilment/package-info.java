/** What happens to a confirmed order: shipping's reports (dispatch, delivery) and the shopper's cancellation. */
package dev.kaimono.order.application.fulfilment;
