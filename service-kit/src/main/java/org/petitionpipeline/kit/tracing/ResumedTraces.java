package org.petitionpipeline.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Work done long after the record that caused it, from a row that stored the record's {@code traceparent} (the mail
 * queue): its span is a child in that trace rather than the start of a trace of its own.
 */
@ApplicationScoped
public class ResumedTraces {

    private final Tracer tracer;
    private final TraceHeaders headers;

    public ResumedTraces(OpenTelemetry openTelemetry, TraceHeaders headers) {
        this.tracer = openTelemetry.getTracer("org.petitionpipeline.kit");
        this.headers = headers;
    }

    /** Runs {@code work} in a span named {@code name}, the child of {@code traceparent} (a new trace for none). */
    public <R> R inSpan(String name, String traceparent, Supplier<R> work) {
        Span span = tracer.spanBuilder(name).setParent(headers.fromTraceparent(traceparent)).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException failure) {
            span.recordException(failure).setStatus(StatusCode.ERROR);
            throw failure;
        } finally {
            span.end();
        }
    }
}
