package dev.kaimono.messaging;

import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the current span, captured when an
 * event is stored so the relay can publish it later with the trace of the request that caused it.
 */
@FunctionalInterface
public interface TraceContextHeaders {

    TraceContextHeaders NONE = Map::of;

    Map<String, String> current();
}
