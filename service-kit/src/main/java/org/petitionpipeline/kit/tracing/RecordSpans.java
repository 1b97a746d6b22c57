package org.petitionpipeline.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The spans of one poll batch, one per record, each the child of the context its record arrived with. A batch
 * mixes many signatures and each must stay in its own trace, so what the batch does for an event (an outcome
 * published, a count, a queued mail) is traced under {@link #contextOf} that event, never under the batch.
 * Events are told apart by identity: the handler gets the very objects deserialized from the records.
 */
public final class RecordSpans<T> {

    private final Tracer tracer;
    private final Map<T, Context> contexts;

    RecordSpans(Tracer tracer, Map<T, Context> contexts) {
        this.tracer = tracer;
        this.contexts = contexts;
    }

    /** The context of the record {@code event} came from: the parent of whatever it causes. */
    public Context contextOf(T event) {
        return contexts.getOrDefault(event, Context.current());
    }

    /**
     * Runs {@code work}, one step for all of {@code events} (one transaction), inside one span named {@code name}
     * per event, each the child of its record's span; a failure of the step is recorded on all of them.
     */
    public void each(String name, Collection<? extends T> events, Runnable work) {
        List<Span> spans = new ArrayList<>(events.size());
        events.forEach(event -> spans.add(tracer.spanBuilder(name).setParent(contextOf(event)).startSpan()));
        try {
            work.run();
        } catch (RuntimeException failure) {
            spans.forEach(span -> span.recordException(failure).setStatus(StatusCode.ERROR));
            throw failure;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /** Ends the records' spans (by the consumer that started them), marked failed when the batch was given up. */
    public void end(RuntimeException failure) {
        contexts.values().forEach(context -> {
            Span span = Span.fromContext(context);
            if (failure != null) {
                span.recordException(failure).setStatus(StatusCode.ERROR);
            }
            span.end();
        });
    }
}
