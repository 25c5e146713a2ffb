/** How every servlet service answers bad requests: RFC 9457 problem details naming the offending fields. */
package dev.kaimono.runtime.web;
