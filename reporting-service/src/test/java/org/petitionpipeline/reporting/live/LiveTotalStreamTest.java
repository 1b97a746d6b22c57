package org.petitionpipeline.reporting.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.PetitionTotal;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class LiveTotalStreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL server;

    @Inject
    Vertx vertx;

    @Inject
    LiveTotals liveTotals;

    private HttpClient client;

    @BeforeEach
    void startClient() {
        client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(16));
    }

    @AfterEach
    void stopClient() {
        client.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aListenerGetsTheTotalOnConnectAndTheNewTotalAfterSignaturesArrive() {
        PetitionCatalogTest.createPetition("stream-test");
        try (SseListener listener = listen("stream-test");
                KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            assertThat(listener.response().statusCode()).isEqualTo(200);
            assertThat(listener.response().getHeader("Content-Type")).startsWith("text/event-stream");
            assertThat(listener.response().getHeader("Cache-Control")).isEqualTo("no-cache");
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.events() == 1);
            assertThat(totalIn(listener.lastEvent())).isZero();

            for (String hash : List.of("l1", "l2", "l3")) {
                CountedSignature signature = TotalsTest.accepted("stream-test", UUID.randomUUID(), hash);
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> totalIn(listener.lastEvent()) == 3);
            // the same JSON as the polled total
            assertThat(listener.lastEvent()).isEqualTo(given().get("/api/petitions/stream-test/total").asString());
        }
    }

    @Test
    void aBurstOfSignaturesReachesListenersAsAtMostOneEventPerSecond() {
        PetitionCatalogTest.createPetition("burst-test");
        try (SseListener listener = listen("burst-test");
                KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.events() == 1);

            Instant start = Instant.now();
            Instant end = start.plusSeconds(4);
            int sent = 0;
            while (Instant.now().isBefore(end)) {
                CountedSignature signature = TotalsTest.accepted("burst-test", UUID.randomUUID(), "b" + sent++);
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            int expected = sent;
            await().atMost(Duration.ofSeconds(10)).until(() -> totalIn(listener.lastEvent()) == expected);
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

            int updates = listener.events() - 1;
            assertThat(sent).as("signatures sent in the burst").isGreaterThan(100);
            assertThat(updates).as("%d signatures in %.1f s reached the listener as %d events", sent, seconds, updates)
                    .isBetween(2, (int) Math.ceil(seconds) + 1);
        }
    }

    @Test
    void aQuietStreamCarriesHeartbeatComments() {
        PetitionCatalogTest.createPetition("heartbeat-test");
        try (SseListener listener = listen("heartbeat-test")) {
            // the test profile beats every second
            await().atMost(Duration.ofSeconds(5)).until(() -> listener.comments() >= 2);
            assertThat(listener.events()).isEqualTo(1);
        }
    }

    @Test
    void listenersThatDisconnectAreForgotten() {
        PetitionCatalogTest.createPetition("leave-test");
        int before = liveTotals.listeners();
        List<SseListener> listeners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listeners.add(listen("leave-test"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> listeners.stream().allMatch(l -> l.events() == 1));
        assertThat(liveTotals.listeners()).isEqualTo(before + 3);

        listeners.forEach(SseListener::close);

        await().atMost(Duration.ofSeconds(5)).until(() -> liveTotals.listeners() == before);
    }

    @Test
    void anUnknownPetitionIsA404Problem() {
        given().accept("text/event-stream").get("/api/petitions/no-such-petition/total/stream")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-petition"));
    }

    private SseListener listen(String slug) {
        return SseListener.open(client, server.getPort(), "/api/petitions/" + slug + "/total/stream")
                .toCompletionStage().toCompletableFuture().join();
    }

    /** The total in a stream event's JSON, or -1 before the first event. */
    static long totalIn(String event) {
        return event == null ? -1 : KafkaTestClient.parse(event, PetitionTotal.class).total();
    }
}
