package org.petitionpipeline.reporting.live;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens to a server-sent event stream as a browser's EventSource reads it (data lines joined, an empty line
 * ends an event, a line starting with ':' is a comment), keeping counts and the last event rather than every
 * event, so that thousands can listen in one JVM.
 */
final class SseListener implements AutoCloseable {

    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger comments = new AtomicInteger();
    private final StringBuilder data = new StringBuilder();
    private volatile String lastEvent;
    private volatile HttpClientResponse response;

    private SseListener() {
    }

    /** Starts listening; the returned future completes once the response's headers arrived. */
    static Future<SseListener> open(HttpClient client, int port, String path) {
        SseListener listener = new SseListener();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port)
                .setURI(path).putHeader("Accept", "text/event-stream");
        return client.request(request).compose(sent -> sent.send()).map(response -> {
            listener.response = response;
            RecordParser.newDelimited("\n", response).handler(line -> listener.onLine(line.toString()));
            return listener;
        });
    }

    private void onLine(String line) {
        if (line.isEmpty()) {
            if (!data.isEmpty()) {
                lastEvent = data.toString();
                data.setLength(0);
                events.incrementAndGet();
            }
        } else if (line.startsWith(":")) {
            comments.incrementAndGet();
        } else if (line.startsWith("data:")) {
            if (!data.isEmpty()) {
                data.append('\n');
            }
            data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        }
    }

    HttpClientResponse response() {
        return response;
    }

    int events() {
        return events.get();
    }

    int comments() {
        return comments.get();
    }

    /** The data of the last complete event, or null before the first. */
    String lastEvent() {
        return lastEvent;
    }

    @Override
    public void close() {
        if (response != null) {
            response.request().connection().close();
        }
    }
}
