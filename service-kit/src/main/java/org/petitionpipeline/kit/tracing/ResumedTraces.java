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
        Started started = start(name, traceparent);
        try (Scope ignored = started.span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException failure) {
            started.failed(failure);
            throw failure;
        } finally {
            started.end();
        }
    }

    /**
     * Starts a span named {@code name}, the child of {@code traceparent}, for work that goes on beside other work and
     * ends when the caller says: one of several SMTP conversations held at once.
     */
    public Started start(String name, String traceparent) {
        return new Started(tracer.spanBuilder(name).setParent(headers.fromTraceparent(traceparent)).startSpan());
    }

    /** A span the caller ends. */
    public static final class Started {

        private final Span span;

        private Started(Span span) {
            this.span = span;
        }

        /** Marks the work failed, with why; {@link #end()} still follows. */
        public void failed(Throwable failure) {
            span.recordException(failure).setStatus(StatusCode.ERROR);
        }

        public void end() {
            span.end();
        }
    }
}
