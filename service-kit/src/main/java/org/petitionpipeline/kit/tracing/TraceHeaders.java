package org.petitionpipeline.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context ({@code traceparent}) in Kafka record headers and in a stored text: how a signature's trace
 * crosses the plain producers, the batch consumers and the mail queue, which SmallRye's own tracing does not see.
 * With the SDK disabled the propagator is a no-op: nothing is written, and every context read is the root.
 */
@ApplicationScoped
public class TraceHeaders {

    static final String TRACEPARENT = "traceparent";

    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, name, value) -> {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String name) {
            Header header = headers == null ? null : headers.lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String name) {
            return carrier == null ? null : carrier.get(name);
        }
    };

    private final TextMapPropagator propagator;

    public TraceHeaders(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The context a record was produced in, as its headers say; the root when they say nothing. */
    public Context extract(Headers headers) {
        return propagator.extract(Context.root(), headers, HEADER_GETTER);
    }

    /** Writes {@code context} into the headers of a record about to be sent. */
    public void inject(Context context, Headers headers) {
        propagator.inject(context, headers, HEADER_SETTER);
    }

    /** Writes the calling thread's context (the span it works in) into the headers of a record about to be sent. */
    public void injectCurrent(Headers headers) {
        inject(Context.current(), headers);
    }

    /** The {@code traceparent} of {@code context}, to store with work done later (empty when not traced). */
    public Optional<String> traceparent(Context context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The context a stored {@code traceparent} names; the root for none. */
    public Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root()
                : propagator.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }
}
