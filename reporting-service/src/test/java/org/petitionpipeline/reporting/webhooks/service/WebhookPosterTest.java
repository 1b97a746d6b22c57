package org.petitionpipeline.reporting.webhooks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.webhooks.service.ReceiverAddresses.Allowed;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver.Received;

/** The connection goes to the checked address, whatever the URL's name resolves to by the time it is made. */
class WebhookPosterTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final Vertx vertx = Vertx.vertx();
    private final WebhookPoster poster = new WebhookPoster(vertx, Duration.ofSeconds(2), Duration.ofSeconds(1), 4);

    @AfterEach
    void close() throws Exception {
        poster.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theRequestGoesToTheCheckedAddressAndNamesTheUrlsHost() throws Exception {
        Allowed checked = new Allowed(URI.create("https://hooks.example.org:8443/in/crm?org=acme"),
                InetAddress.getByAddress("hooks.example.org", new byte[] {93, (byte) 184, (byte) 215, 14}));

        RequestOptions request = WebhookPoster.requestTo(checked, Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(request.getServer().host()).isEqualTo("93.184.215.14");
        assertThat(request.getServer().port()).isEqualTo(8443);
        assertThat(request.getHost()).isEqualTo("hooks.example.org");
        assertThat(request.isSsl()).isTrue();
        assertThat(request.getURI()).isEqualTo("/in/crm?org=acme");
        assertThat(request.getFollowRedirects()).isFalse();
    }

    /* A .invalid name never resolves (RFC 6761): the request arrives only if nothing looked it up again. */
    @Test
    void aNameNoDnsKnowsIsNeverLookedUpAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 200)) {
            String host = "crm.receiver.invalid:" + receiver.port();
            Allowed checked = new Allowed(URI.create("http://" + host + "/hooks"), InetAddress.getLoopbackAddress());

            WebhookPoster.Answer answer = poster.post(checked, Map.of("webhook-id", "msg_1"),
                    BODY).get(10, TimeUnit.SECONDS);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.excerpt()).isEqualTo("{\"seen\":\"msg_1\"}");
            assertThat(receiver.received()).extracting(Received::host).containsExactly(host);
        }
    }

    @Test
    void aReceiverThatNeverAnswersFailsTheAttemptWithinTheTimeouts() throws Exception {
        try (WebhookReceiver silent = new WebhookReceiver(request -> {
            Thread.sleep(20_000);
            return 200;
        })) {
            Allowed checked = new Allowed(URI.create(silent.url()), InetAddress.getLoopbackAddress());

            // failed by the poster's own timeouts (1 s, 3 s at most), not by this wait's
            assertThatThrownBy(() -> poster.post(checked, Map.of(), BODY).get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
