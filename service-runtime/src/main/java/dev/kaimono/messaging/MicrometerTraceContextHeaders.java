package dev.kaimono.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** Captures the current span's context with Micrometer Tracing's propagator (W3C by default). */
final class MicrometerTraceContextHeaders implements TraceContextHeaders {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    MicrometerTraceContextHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> current() {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span == null || currentPropagator == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        currentPropagator.inject(span.context(), headers, Map::put);
        return headers;
    }
}
