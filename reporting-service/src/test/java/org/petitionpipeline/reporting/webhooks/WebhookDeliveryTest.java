package org.petitionpipeline.reporting.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsoleBrowser;
import org.petitionpipeline.reporting.access.ConsolePeople;
import org.petitionpipeline.reporting.access.ConsoleSessions;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.SignatureEvent;
import org.petitionpipeline.reporting.webhooks.service.WebhookEventType;
import org.petitionpipeline.reporting.webhooks.service.WebhookSignature;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver.Received;

/**
 * Signature events from the topics to real HTTP receivers on loopback ports (the test profile allows http and
 * private addresses, and times a request out after 1 s): signed, retried with the same id, in order per person, and
 * a dead receiver holding up no other endpoint.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryOutbox outbox;

    private Person owner;
    private String slug;

    @BeforeEach
    void anOrganizationWithAPetition() {
        owner = ConsolePeople.owner("hooks");
        slug = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(slug)).post("/api/admin/petitions").then().statusCode(201);
    }

    @Test
    void theReceiverVerifiesEachWebhookAndARetryAfterA500CarriesTheSameId() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver(request -> requests.incrementAndGet() == 1 ? 500 : 204)) {
            Endpoint endpoint = endpoint(receiver);
            CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "ann-" + UUID.randomUUID());
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED")));
            List<Received> received = receiver.received();
            assertThat(received).hasSize(2);
            assertThat(received).extracting(Received::id).containsOnly(received.get(0).id());
            assertThat(received).allMatch(request -> request.signedWith(endpoint.secret()));
            assertThat(received.get(0).signedWith(WebhookSignature.newSecret())).isFalse();

            JsonPath body = new JsonPath(new String(received.get(1).body(), StandardCharsets.UTF_8));
            assertThat(body.getString("id")).isEqualTo(received.get(1).id());
            assertThat(body.getString("type")).isEqualTo("signature.accepted");
            assertThat(body.getString("data.identifiers[0]")).isEqualTo("petition-pipeline:" + signature.signatureId());
            assertThat(body.getString("data.person.given_name")).isEqualTo("Jane");
            assertThat(body.getString("data.person.family_name")).isEqualTo("Doe");
            assertThat(body.getString("data.person.postal_addresses[0].region")).isEqualTo("US-DC");
            assertThat(body.getString("data.action_date")).isNotNull();
            assertThat(body.getString("data._links.'osdi:petition'.href")).endsWith("/api/admin/petitions/" + slug);
            assertThat(new String(received.get(1).body(), StandardCharsets.UTF_8))
                    .doesNotContain(signature.emailHash()).doesNotContainIgnoringCase("email");
            long sentAt = Long.parseLong(received.get(1).timestamp());
            assertThat(Math.abs(Instant.now().getEpochSecond() - sentAt)).isLessThan(300);
            assertThat(attempts(endpoint.id())).containsExactly(2);
            log(endpoint).statusCode(200).body("[0].event_id", equalTo(received.get(1).id()))
                    .body("[0].event_type", equalTo("signature.accepted")).body("[0].status", equalTo("DELIVERED"))
                    .body("[0].attempts", equalTo(2)).body("[0].last_status", equalTo(204))
                    .body("[0].latency_ms", notNullValue());

            // an erasure leaves nothing here that leads to the person
            send(Topics.PEOPLE_ERASURES, signature.emailHash(), new PersonErasure(EventSchema.VERSION,
                    UUID.randomUUID(), signature.emailHash(), Instant.now()));
            await().atMost(WAIT).until(() -> statements().query("read hashes", row -> row.getString(1),
                    "select ordering_key from reporting.webhook_delivery where endpoint_id = ?::uuid", endpoint.id())
                    .stream().noneMatch(signature.emailHash()::equals));
        }
    }

    @Test
    void aReceiverThatTimesOutGetsTheSameWebhookAgain() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (WebhookReceiver receiver = new WebhookReceiver(request -> {
            if (requests.incrementAndGet() == 1) {
                Thread.sleep(3_000);
            }
            return 200;
        })) {
            Endpoint endpoint = endpoint(receiver);
            CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "tim-" + UUID.randomUUID());
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED")));
            assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(receiver.received()).extracting(Received::id).containsOnly(receiver.received().get(0).id());
            assertThat(attempts(endpoint.id()).get(0)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aPersonsEventsArriveInOrderWhileAnotherPersonsPassTheirRetries() throws Exception {
        CountedSignature first = TotalsTest.accepted(slug, UUID.randomUUID(), "pat-" + UUID.randomUUID());
        CountedSignature other = TotalsTest.accepted(slug, UUID.randomUUID(), "oli-" + UUID.randomUUID());
        String firstId = first.signatureId().toString();
        String otherId = other.signatureId().toString();
        AtomicBoolean otherArrived = new AtomicBoolean();
        AtomicInteger firstsAttempts = new AtomicInteger();
        // the first person's webhook fails once, and then until the other person's webhook has arrived
        try (WebhookReceiver receiver = new WebhookReceiver(request -> {
            if (request.signatureId().equals(otherId)) {
                otherArrived.set(true);
                return 204;
            }
            return firstsAttempts.incrementAndGet() == 1 || !otherArrived.get() ? 503 : 204;
        })) {
            Endpoint endpoint = endpoint(receiver);
            send(Topics.SIGNATURES_COUNTED, first.key(), first);
            await().atMost(WAIT).until(() -> statuses(endpoint.id()).size() == 1);
            send(Topics.SIGNATURES_VERIFIED, first.key(), new VerifiedSignature(EventSchema.VERSION,
                    first.signatureId(), slug, first.emailHash(), Instant.now()));
            await().atMost(WAIT).until(() -> statuses(endpoint.id()).size() == 2);
            send(Topics.SIGNATURES_INVALIDATED, first.key(), InvalidationTest.invalidated(first));
            await().atMost(WAIT).until(() -> statuses(endpoint.id()).size() == 3);
            send(Topics.SIGNATURES_COUNTED, other.key(), other);

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED",
                    "DELIVERED", "DELIVERED")));
            List<String> firstPersons = receiver.received().stream()
                    .filter(request -> request.signatureId().equals(firstId)).map(Received::type).toList();
            assertThat(firstPersons.size()).isGreaterThanOrEqualTo(4);
            assertThat(firstPersons.subList(0, firstPersons.size() - 2)).containsOnly("signature.accepted");
            assertThat(firstPersons.subList(firstPersons.size() - 2, firstPersons.size()))
                    .containsExactly("signature.verified", "signature.invalidated");
        }
    }

    /*
     * The race the head repair is for: a person's next event is queued while their last pending one is being
     * delivered, and that delivery is recorded before the queueing commits. Neither transaction saw the other's row, so
     * the new webhook waits behind no head; the repair (every 5 s) makes it claimable. Without the repair it would
     * wait for ever.
     */
    @Test
    void aWebhookQueuedWhileItsPersonsLastOneIsRecordedIsSentAfterTheRepair() throws Exception {
        CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "race-" + UUID.randomUUID());
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try (WebhookReceiver receiver = new WebhookReceiver(request -> {
            if (request.type().equals("signature.accepted")) {
                arrived.countDown();
                answer.await(30, TimeUnit.SECONDS);
            }
            return 204;
        })) {
            Endpoint endpoint = endpoint(receiver);
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(WebhookEventType.SIGNATURE_VERIFIED, List.of(new SignatureEvent(
                        signature.signatureId(), slug, signature.emailHash(), Instant.now())));
                answer.countDown();
                // on this thread, in the transaction that queued the second webhook and sees it
                await().pollInSameThread().atMost(WAIT).untilAsserted(() -> assertThat(statuses(endpoint.id()))
                        .containsExactly("DELIVERED", "PENDING"));
                assertThat(heads(endpoint.id())).containsExactly(true, false);
            });

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            assertThat(receiver.received()).extracting(Received::type)
                    .containsExactly("signature.accepted", "signature.verified");
        }
    }

    @Test
    void aDeadReceiverHoldsUpNoOtherEndpoint() throws Exception {
        CountDownLatch revive = new CountDownLatch(1);
        try (WebhookReceiver dead = new WebhookReceiver(request -> {
                    revive.await(60, TimeUnit.SECONDS);
                    return 204;
                });
                WebhookReceiver alive = new WebhookReceiver(request -> 204)) {
            Endpoint deadEndpoint = endpoint(dead);
            Endpoint aliveEndpoint = endpoint(alive);
            List<CountedSignature> signatures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                signatures.add(TotalsTest.accepted(slug, UUID.randomUUID(), "many-" + i + "-" + UUID.randomUUID()));
            }
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                signatures.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            }
            Set<String> expected = signatures.stream().map(signature -> signature.signatureId().toString())
                    .collect(Collectors.toSet());

            await().atMost(WAIT).until(() -> statuses(aliveEndpoint.id()).size() == 6
                    && statuses(aliveEndpoint.id()).stream().allMatch("DELIVERED"::equals));
            assertThat(alive.received()).extracting(Received::signatureId).containsAll(expected);
            assertThat(statuses(deadEndpoint.id())).hasSize(6).doesNotContain("DELIVERED");
            // the same event has another id at each endpoint, and the same id at each attempt
            assertThat(dead.received()).extracting(Received::id)
                    .doesNotContainAnyElementsOf(alive.received().stream().map(Received::id).toList());

            revive.countDown();
            await().atMost(WAIT).until(() -> statuses(deadEndpoint.id()).stream().allMatch("DELIVERED"::equals));
            assertThat(dead.received().stream().map(Received::signatureId).collect(Collectors.toSet()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void anEndpointInBatchModeGetsSignedArraysOfAtMostItsBatchSize() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 204)) {
            Endpoint endpoint = endpoint(receiver, 3);
            Set<String> expected = new HashSet<>();
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                for (int i = 0; i < 7; i++) {
                    CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "b" + i + UUID.randomUUID());
                    expected.add("petition-pipeline:" + signature.signatureId());
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                }
            }

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).size() == 7
                    && statuses(endpoint.id()).stream().allMatch("DELIVERED"::equals));
            List<String> identifiers = new ArrayList<>();
            for (Received request : receiver.received()) {
                assertThat(request.signedWith(endpoint.secret())).isTrue();
                assertThat(request.json().isArray()).isTrue();
                assertThat(request.json().size()).isBetween(1, 3);
                request.json().forEach(event -> {
                    assertThat(event.get("type").asText()).isEqualTo("signature.accepted");
                    identifiers.add(event.at("/data/identifiers/0").asText());
                });
            }
            assertThat(identifiers).hasSize(7).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aTestEventSentThroughTheApiOrTheConsoleButtonReachesTheReceiverAndTheLog() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 204)) {
            Endpoint endpoint = endpoint(receiver);
            String hooks = "/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks/" + endpoint.id();
            String eventId = given().header("Authorization", "Bearer " + owner.token())
                    .post("/api/admin" + hooks + "/test").then().statusCode(202).extract().path("event_id");

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED")));
            Received test = receiver.received().get(0);
            assertThat(test.id()).isEqualTo(eventId);
            assertThat(test.type()).isEqualTo("webhook.test");
            assertThat(test.signedWith(endpoint.secret())).isTrue();
            assertThat(test.json().at("/data/person/given_name").asText()).isEqualTo("Test");

            String session = owner.logIn();
            ConsoleBrowser.submit(session, "/console" + hooks + "/test", Map.of()).then().statusCode(303);
            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            String page = given().cookie(ConsoleSessions.COOKIE, session)
                    .get("/console/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks").then()
                    .statusCode(200).extract().asString();
            assertThat(page).contains(receiver.url(), "webhook.test", "DELIVERED", "Send test event");

            String stranger = ConsolePeople.owner("other").logIn();
            given().cookie(ConsoleSessions.COOKIE, stranger).accept("text/html")
                    .get("/console/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks").then()
                    .statusCode(404);
            ConsoleBrowser.submit(stranger, "/console" + hooks + "/test", Map.of()).then().statusCode(404);
            assertThat(statuses(endpoint.id())).hasSize(2);
        }
    }

    @Test
    void aRefusalIsFinalAnEndpointFailingForADayIsDisabledAndEndedDeliveriesAreForgottenLater() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 400)) {
            Endpoint endpoint = endpoint(receiver);
            update("update reporting.webhook_endpoint set failing_since = now() - interval '25 hours' where id = ?::uuid",
                    endpoint.id());
            CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "ref-" + UUID.randomUUID());
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);

            await().atMost(WAIT).until(() -> statuses(endpoint.id()).equals(List.of("FAILED")));
            assertThat(attempts(endpoint.id())).containsExactly(1);
            assertThat(receiver.received()).hasSize(1);
            log(endpoint).statusCode(200).body("[0].status", equalTo("FAILED")).body("[0].last_status", equalTo(400))
                    .body("[0].response_excerpt", equalTo("{\"seen\":\"" + receiver.received().get(0).id() + "\"}"));
            given().header("Authorization", "Bearer " + owner.token())
                    .get("/api/admin/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks").then()
                    .statusCode(200)
                    .body("[0].disabled_at", notNullValue())
                    .body("[0].disabled_reason", containsString("HTTP 400"));
            // its owner is told through email-service, once: the notice on webhooks.disabled names it and them
            await().atMost(WAIT).until(() -> {
                try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                    return kafka.readAllValues(Topics.WEBHOOKS_DISABLED, WebhookDisabled.class).stream()
                            .anyMatch(notice -> notice.endpointId().toString().equals(endpoint.id()));
                }
            });
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                List<WebhookDisabled> notices = kafka.readAllValues(Topics.WEBHOOKS_DISABLED, WebhookDisabled.class)
                        .stream().filter(notice -> notice.endpointId().toString().equals(endpoint.id())).toList();
                assertThat(notices).hasSize(1);
                assertThat(notices.get(0).recipients()).containsExactly(owner.email());
                assertThat(notices.get(0).organization()).isEqualTo(ConsolePeople.organizationOf(owner));
                assertThat(notices.get(0).reason()).contains("HTTP 400");
                assertThat(notices.get(0).consoleUrl())
                        .endsWith("/console/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks");
            }

            CountedSignature later = TotalsTest.accepted(slug, UUID.randomUUID(), "late-" + UUID.randomUUID());
            send(Topics.SIGNATURES_COUNTED, later.key(), later);
            await().atMost(WAIT).until(() -> counted(later.signatureId()));
            assertThat(statuses(endpoint.id())).hasSize(1);

            // the hourly cleanup keeps what ended within reporting.webhooks.log-kept, and deletes what ended before
            outbox.forgetEndedBefore(Instant.now().minus(Duration.ofHours(1)));
            assertThat(statuses(endpoint.id())).containsExactly("FAILED");
            outbox.forgetEndedBefore(Instant.now().plusSeconds(1));
            assertThat(statuses(endpoint.id())).isEmpty();
        }
    }

    private record Endpoint(String id, String secret) {
    }

    private Endpoint endpoint(WebhookReceiver receiver) {
        return endpoint(receiver, 1);
    }

    /* The signature events only: the milestones these tests' signatures reach are WebhookEventTypesTest's. */
    private Endpoint endpoint(WebhookReceiver receiver, int batchSize) {
        JsonPath created = given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body("{\"url\": \"" + receiver.url() + "\", \"batch_size\": " + batchSize + ", \"event_types\": "
                        + "[\"signature.accepted\", \"signature.verified\", \"signature.invalidated\"]}")
                .post("/api/admin/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks").then()
                .statusCode(201).extract().jsonPath();
        return new Endpoint(created.getString("id"), created.getString("secret"));
    }

    private ValidatableResponse log(Endpoint endpoint) {
        return given().header("Authorization", "Bearer " + owner.token()).get("/api/admin/organizations/"
                + ConsolePeople.organizationOf(owner) + "/webhooks/" + endpoint.id() + "/deliveries").then();
    }

    private List<String> statuses(String endpoint) {
        return statements().query("read deliveries", row -> row.getString(1),
                "select status from reporting.webhook_delivery where endpoint_id = ?::uuid order by id", endpoint);
    }

    private List<Boolean> heads(String endpoint) {
        return statements().query("read heads", row -> row.getBoolean(1),
                "select head from reporting.webhook_delivery where endpoint_id = ?::uuid order by id", endpoint);
    }

    private List<Integer> attempts(String endpoint) {
        return statements().query("read attempts", row -> row.getInt(1),
                "select attempts from reporting.webhook_delivery where endpoint_id = ?::uuid order by id", endpoint);
    }

    private boolean counted(UUID signature) {
        return !statements().query("read counted", row -> row.getInt(1),
                "select 1 from reporting.counted_signature where signature_id = ?", signature).isEmpty();
    }

    private void update(String sql, Object... parameters) {
        statements().update("prepare the test", sql, parameters);
    }

    private Statements statements() {
        return new Statements(dataSource);
    }

    private void send(String topic, String key, Object event) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(topic, key, event);
        }
    }
}
