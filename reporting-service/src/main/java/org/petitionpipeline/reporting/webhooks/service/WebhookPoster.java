package org.petitionpipeline.reporting.webhooks.service;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.reporting.webhooks.service.ReceiverAddresses.Allowed;

/**
 * Posts a webhook to the address its URL's check resolved: Vert.x's client connects to the given address and still
 * sends the URL's host as {@code Host}, as TLS server name and for the certificate's check, so a name that resolves
 * elsewhere a moment later (DNS rebinding) changes nothing. The JDK's client would look the name up again. Redirects
 * are not followed, since a redirect could lead past the check.
 */
@ApplicationScoped
public class WebhookPoster {

    private static final String USER_AGENT = "petition-pipeline-webhooks/1";

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    @Inject
    public WebhookPoster(Vertx vertx, WebhooksConfig config) {
        this(vertx, config.connectTimeout(), config.requestTimeout(), config.maxInFlightPerEndpoint());
    }

    WebhookPoster(Vertx vertx, Duration connectTimeout, Duration requestTimeout, int connectionsPerReceiver) {
        this.vertx = vertx;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setMaxPoolSize(connectionsPerReceiver)
                .setForceSni(true)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** What a receiver answered: its status and the start of its body. */
    public record Answer(int status, String excerpt) {
    }

    /**
     * Sends {@code body} with {@code headers}; the answer, or a failure when none came in the connect and request
     * timeouts together (the request is then reset, and its connection closed).
     */
    public CompletableFuture<Answer> post(Allowed receiver, Map<String, String> headers, byte[] body) {
        Promise<Answer> answer = Promise.promise();
        RequestOptions options = requestTo(receiver, connectTimeout, requestTimeout);
        headers.forEach(options::putHeader);
        options.putHeader("User-Agent", USER_AGENT);
        long deadline = connectTimeout.plus(requestTimeout).toMillis();
        client.request(options).onFailure(answer::tryFail).onSuccess(request -> {
            long timer = vertx.setTimer(deadline, fired -> request.reset(0,
                    new TimeoutException("no answer within " + Duration.ofMillis(deadline))));
            answer.future().onComplete(done -> vertx.cancelTimer(timer));
            request.send(Buffer.buffer(body)).onFailure(answer::tryFail)
                    .onSuccess(response -> readExcerpt(response, answer));
        });
        return answer.future().toCompletionStage().toCompletableFuture();
    }

    /** The request to the checked address, naming the URL's host: the pinning, on its own for its test. */
    static RequestOptions requestTo(Allowed receiver, Duration connectTimeout, Duration requestTimeout) {
        URI uri = receiver.uri();
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, receiver.address().getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(requestTimeout.toMillis());
    }

    /* Reads until the excerpt is full, then resets the request rather than read a body nobody keeps. */
    private static void readExcerpt(HttpClientResponse response, Promise<Answer> answer) {
        ResponseExcerpt excerpt = new ResponseExcerpt();
        response.exceptionHandler(answer::tryFail);
        response.endHandler(end -> answer.tryComplete(new Answer(response.statusCode(), excerpt.text())));
        response.handler(chunk -> {
            if (!excerpt.add(chunk.getBytes()) && answer.tryComplete(new Answer(response.statusCode(), excerpt.text()))) {
                response.request().reset();
            }
        });
    }
}
