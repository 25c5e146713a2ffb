/** HTTP concerns of user-service: security rules and RFC 9457 problem details. */
package dev.kaimono.user.web;
