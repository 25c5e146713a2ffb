package dev.kaimono.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kaimono.runtime.LateBean;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** Captures the current span's context with Micrometer Tracing's propagator (W3C by default). */
final class MicrometerTraceContextHeaders implements TraceContextHeaders {

    private final LateBean<Tracer> tracer;
    private final LateBean<Propagator> propagator;

    MicrometerTraceContextHeaders(LateBean<Tracer> tracer, LateBean<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> current() {
        Tracer currentTracer = tracer.get();
        Propagator currentPropagator = propagator.get();
        Span span = currentTracer == null ? null : currentTracer.currentSpan();
        if (span == null || currentPropagator == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        currentPropagator.inject(span.context(), headers, Map::put);
        return headers;
    }
}
