package org.petitionpipeline.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordTracingTest {

    private static final String ANN = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String BEN = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final List<SpanData> exported = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(exported))).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final TraceHeaders headers = new TraceHeaders(openTelemetry);
    private final RecordTracing tracing = new RecordTracing(openTelemetry, headers);

    @Test
    void eachEventOfABatchStaysInTheTraceItsRecordArrivedWith() {
        String ann = "ann's signature";
        String ben = "ben's signature";
        RecordSpans<String> spans = tracing.start(List.of(record(ann, 0, ANN), record(ben, 1, BEN)));

        spans.each("count signature", List.of(ann, ben), () -> { });
        spans.end(null);

        assertThat(Span.fromContext(spans.contextOf(ann)).getSpanContext().getTraceId()).isEqualTo(traceId(ANN));
        assertThat(Span.fromContext(spans.contextOf(ben)).getSpanContext().getTraceId()).isEqualTo(traceId(BEN));
        SpanData annProcess = named("process signatures.accepted", traceId(ANN));
        assertThat(annProcess.getParentSpanId()).isEqualTo(ANN.substring(36, 52));
        assertThat(named("count signature", traceId(ANN)).getParentSpanId()).isEqualTo(annProcess.getSpanId());
        assertThat(named("count signature", traceId(BEN)).getParentSpanId())
                .isEqualTo(named("process signatures.accepted", traceId(BEN)).getSpanId());
    }

    @Test
    void whatAnEventCausesCarriesItsRecordsSpanAsTraceparent() {
        String ann = "ann's signature";
        RecordSpans<String> spans = tracing.start(List.of(record(ann, 0, ANN)));
        RecordHeaders outgoing = new RecordHeaders();

        headers.inject(spans.contextOf(ann), outgoing);

        SpanContext process = Span.fromContext(spans.contextOf(ann)).getSpanContext();
        assertThat(new String(outgoing.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + traceId(ANN) + "-" + process.getSpanId() + "-01")
                .isEqualTo(headers.traceparent(spans.contextOf(ann)).orElseThrow());
        assertThat(Span.fromContext(headers.fromTraceparent(ANN)).getSpanContext().getSpanId())
                .isEqualTo(ANN.substring(36, 52));
    }

    @Test
    void aRecordWithoutTraceparentStartsATraceOfItsOwn() {
        String ann = "ann's signature";
        RecordSpans<String> spans = tracing.start(List.of(new ConsumerRecord<>("signatures.accepted", 0, 7, "k", ann)));
        spans.end(null);

        assertThat(exported).singleElement().satisfies(span -> assertThat(span.getParentSpanContext().isValid()).isFalse());
    }

    private static ConsumerRecord<String, String> record(String value, long offset, String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("signatures.accepted", 0, offset, "k", value);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private SpanData named(String name, String traceId) {
        return exported.stream().filter(span -> span.getName().equals(name) && span.getTraceId().equals(traceId))
                .findFirst().orElseThrow(() -> new AssertionError("no span " + name + " in trace " + traceId));
    }

    private record Collecting(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
