/** Logging context shared by the servlet services: the correlation id in the MDC. */
package dev.kaimono.runtime.logging;
