/** What the gateway's own routes (product details, the converted availability reads) share to answer a request. */
package dev.kaimono.gateway.answer;
