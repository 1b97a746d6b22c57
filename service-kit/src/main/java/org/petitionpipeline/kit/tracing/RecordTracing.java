package org.petitionpipeline.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Starts a batch consumer's spans, one {@code process <topic>} span per record, the child of the producer's context
 * in the record's headers. Attributes name the topic, partition and offset only: never the key or the value, which
 * is where personal data would be.
 */
@ApplicationScoped
public class RecordTracing {

    private final Tracer tracer;
    private final TraceHeaders headers;

    public RecordTracing(OpenTelemetry openTelemetry, TraceHeaders headers) {
        this.tracer = openTelemetry.getTracer("org.petitionpipeline.kit");
        this.headers = headers;
    }

    public <T> RecordSpans<T> start(List<ConsumerRecord<String, T>> records) {
        Map<T, Context> contexts = new IdentityHashMap<>(records.size());
        for (ConsumerRecord<String, T> record : records) {
            Context parent = headers.extract(record.headers());
            contexts.put(record.value(), parent.with(tracer.spanBuilder("process " + record.topic())
                    .setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                    .setAttribute("messaging.kafka.offset", record.offset())
                    .startSpan()));
        }
        return new RecordSpans<>(tracer, contexts);
    }
}
