package org.petitionpipeline.reporting.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.access.ConsolePeople;
import org.petitionpipeline.reporting.access.ConsolePeople.Person;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver;
import org.petitionpipeline.testsupport.webhooks.WebhookReceiver.Received;

/**
 * The events that are not of one signature, from their topics (or reporting's own records) to real HTTP receivers:
 * each reaches the endpoints of the organizations it concerns that subscribe to it, signed, with its documented body
 * and no email address, once however often its input is replayed.
 */
@QuarkusTest
class WebhookEventTypesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void unsubscriptionsAndBouncesReachTheOrganizationsHoldingThePersonsSignaturesByTheirIdentifiersOnly()
            throws Exception {
        Organization acme = organization();
        Organization other = organization();
        String person = "uns-" + UUID.randomUUID();
        try (WebhookReceiver people = new WebhookReceiver(request -> 204);
                WebhookReceiver signaturesOnly = new WebhookReceiver(request -> 204);
                WebhookReceiver stranger = new WebhookReceiver(request -> 204)) {
            Endpoint endpoint = acme.endpoint(people, "person.unsubscribed", "person.bounced");
            Endpoint unsubscribed = acme.endpoint(signaturesOnly, "signature.accepted");
            Endpoint outsider = other.endpoint(stranger, "person.unsubscribed", "person.bounced");
            CountedSignature first = TotalsTest.accepted(acme.slug(), UUID.randomUUID(), person);
            CountedSignature second = TotalsTest.accepted(acme.secondSlug(), UUID.randomUUID(), person);
            send(Topics.SIGNATURES_COUNTED, first.key(), first);
            send(Topics.SIGNATURES_COUNTED, second.key(), second);
            await().atMost(WAIT).until(() -> deliveries(unsubscribed.id()).size() == 2);

            Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            SubscriptionChange unsubscription = new SubscriptionChange(EventSchema.VERSION, person,
                    SubscriptionStatus.UNSUBSCRIBED, "link", changedAt);
            send(Topics.SUBSCRIPTIONS, person, unsubscription);
            send(Topics.SUBSCRIPTIONS, person, unsubscription);
            send(Topics.SUBSCRIPTIONS, person, new SubscriptionChange(EventSchema.VERSION, person,
                    SubscriptionStatus.BOUNCING, "bounce", changedAt.plusSeconds(1)));

            await().atMost(WAIT).until(() -> deliveries(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            List<Received> received = people.received();
            assertThat(received).hasSize(2).allMatch(request -> request.signedWith(endpoint.secret()));
            assertThat(received).extracting(Received::type).containsExactly("person.unsubscribed", "person.bounced");
            JsonNode body = received.get(0).json();
            assertThat(texts(body.at("/data/identifiers"))).containsExactlyInAnyOrder(
                    "petition-pipeline:" + first.signatureId(), "petition-pipeline:" + second.signatureId());
            assertThat(body.at("/data/email_addresses/0/status").asText()).isEqualTo("unsubscribed");
            assertThat(body.at("/data/email_addresses/0/address").isMissingNode()).isTrue();
            assertThat(Instant.parse(body.at("/data/modified_date").asText())).isEqualTo(changedAt);
            assertThat(received.get(1).json().at("/data/email_addresses/0/status").asText()).isEqualTo("bouncing");
            assertThat(received).allSatisfy(request -> assertThat(new String(request.body(), StandardCharsets.UTF_8))
                    .doesNotContain(person, "Jane"));

            assertThat(deliveries(unsubscribed.id())).hasSize(2);
            assertThat(signaturesOnly.received()).extracting(Received::type).containsOnly("signature.accepted");
            assertThat(deliveries(outsider.id())).isEmpty();
            assertThat(stranger.received()).isEmpty();
        }
    }

    @Test
    void anErasureIsTheLastEventOfThePersonAndCarriesOnlyTheIdentifiers() throws Exception {
        Organization acme = organization();
        String person = "era-" + UUID.randomUUID();
        AtomicBoolean receiverUp = new AtomicBoolean();
        try (WebhookReceiver receiver = new WebhookReceiver(request -> receiverUp.get() ? 204 : 503)) {
            Endpoint endpoint = acme.endpoint(receiver, "signature.accepted", "person.erased");
            CountedSignature signature = TotalsTest.accepted(acme.slug(), UUID.randomUUID(), person);
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            await().atMost(WAIT).until(() -> !receiver.received().isEmpty());

            PersonErasure erasure = new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), person, Instant.now());
            send(Topics.PEOPLE_ERASURES, person, erasure);
            send(Topics.PEOPLE_ERASURES, person, erasure);
            await().atMost(WAIT).until(() -> deliveries(endpoint.id()).size() == 2 && erased(person));
            receiverUp.set(true);

            await().atMost(WAIT).until(() -> deliveries(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            List<Received> received = receiver.received();
            assertThat(received).allMatch(request -> request.signedWith(endpoint.secret()));
            List<String> types = received.stream().map(Received::type).toList();
            assertThat(types.get(types.size() - 1)).isEqualTo("person.erased");
            assertThat(types.subList(0, types.size() - 1)).containsOnly("signature.accepted");
            JsonNode erasedEvent = received.get(received.size() - 1).json();
            assertThat(texts(erasedEvent.at("/data/identifiers")))
                    .containsExactly("petition-pipeline:" + signature.signatureId());
            assertThat(erasedEvent.get("data").size()).isEqualTo(1);
            // the accepted event, sent after the erasure, is made from the emptied row: no names either
            JsonNode accepted = received.get(received.size() - 2).json().at("/data/person");
            assertThat(accepted.at("/given_name").isMissingNode()).isTrue();
            assertThat(accepted.at("/postal_addresses/0/postal_code").isMissingNode()).isTrue();
            // what was delivered after the erasure names nobody (the attempts before it were refused)
            assertThat(received.subList(received.size() - 2, received.size())).allSatisfy(request ->
                    assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("Jane", "Doe"));
            assertThat(received).allSatisfy(request -> assertThat(new String(request.body(), StandardCharsets.UTF_8))
                    .doesNotContain(person));
            assertThat(statements().query("read ordering keys", row -> row.getString(1),
                    "select ordering_key from reporting.webhook_delivery where endpoint_id = ?::uuid", endpoint.id()))
                    .hasSize(2).doesNotContain(person);
        }
    }

    @Test
    void aCallReachesItsPetitionsOrganizationWithItsSignaturesIdentifierWhenReportingHoldsIt() throws Exception {
        Organization acme = organization();
        Organization other = organization();
        try (WebhookReceiver calls = new WebhookReceiver(request -> 204);
                WebhookReceiver stranger = new WebhookReceiver(request -> 204)) {
            Endpoint endpoint = acme.endpoint(calls, "call.reported");
            Endpoint outsider = other.endpoint(stranger, "call.reported");
            CountedSignature signature = TotalsTest.accepted(acme.slug(), UUID.randomUUID(), "cal-" + UUID.randomUUID());
            send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            await().atMost(WAIT).until(() -> counted(signature.signatureId()));

            CallReported linked = call(acme.slug(), signature.signatureId());
            send(Topics.CALLS_REPORTED, linked.key(), linked);
            send(Topics.CALLS_REPORTED, linked.key(), linked);
            CallReported unlinked = call(acme.slug(), UUID.randomUUID());
            send(Topics.CALLS_REPORTED, unlinked.key(), unlinked);

            await().atMost(WAIT).until(() -> deliveries(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            assertThat(calls.received()).hasSize(2).allMatch(request -> request.signedWith(endpoint.secret()))
                    .extracting(Received::type).containsOnly("call.reported");
            JsonNode first = callOf(calls, linked).at("/data");
            assertThat(first.at("/call_id").asText()).isEqualTo(linked.reportId().toString());
            assertThat(first.at("/target_name").asText()).isEqualTo("Office of the Attorney General");
            assertThat(first.at("/outcome").asText()).isEqualTo("LEFT_VOICEMAIL");
            assertThat(first.at("/region").asText()).isEqualTo("US-NY");
            assertThat(Instant.parse(first.at("/reported_at").asText())).isEqualTo(linked.reportedAt());
            assertThat(first.at("/_links/osdi:petition/href").asText()).endsWith("/api/admin/petitions/" + acme.slug());
            assertThat(texts(first.at("/signature/identifiers")))
                    .containsExactly("petition-pipeline:" + signature.signatureId());
            assertThat(callOf(calls, unlinked).at("/data/signature").isMissingNode()).isTrue();
            assertThat(deliveries(outsider.id())).isEmpty();
        }
    }

    @Test
    void aMilestoneAndItsDeliveryReportReachThePetitionsOrganization() throws Exception {
        Organization acme = organization();
        Organization other = organization();
        try (WebhookReceiver receiver = new WebhookReceiver(request -> 204);
                WebhookReceiver stranger = new WebhookReceiver(request -> 204)) {
            Endpoint endpoint = acme.endpoint(receiver, "milestone.reached", "report.ready");
            Endpoint outsider = other.endpoint(stranger, "milestone.reached", "report.ready");
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                for (int i = 0; i < 3; i++) {
                    CountedSignature signature = TotalsTest.accepted(acme.slug(), UUID.randomUUID(),
                            "mil-" + i + "-" + UUID.randomUUID());
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                }
            }

            await().atMost(WAIT).until(() -> deliveries(endpoint.id()).equals(List.of("DELIVERED", "DELIVERED")));
            List<Received> received = receiver.received();
            assertThat(received).allMatch(request -> request.signedWith(endpoint.secret()))
                    .extracting(Received::type).containsExactly("milestone.reached", "report.ready");
            JsonNode milestone = received.get(0).json().get("data");
            assertThat(milestone.get("kind").asText()).isEqualTo("threshold");
            assertThat(milestone.get("threshold").asLong()).isEqualTo(3);
            assertThat(milestone.get("total").asLong()).isEqualTo(3);
            assertThat(milestone.at("/_links/osdi:petition/href").asText())
                    .endsWith("/api/admin/petitions/" + acme.slug());
            JsonNode report = received.get(1).json().get("data");
            assertThat(report.get("milestone").asLong()).isEqualTo(3);
            assertThat(report.get("total").asLong()).isEqualTo(3);
            assertThat(report.get("csv_sha256").asText()).matches("[0-9a-f]{64}");
            String download = report.at("/_links/download/href").asText();
            assertThat(download).contains(acme.slug());
            String downloaded = given().get(download.substring(download.indexOf("/api/"))).then().statusCode(200)
                    .extract().asString();
            assertThat(downloaded).contains("Jane");
            assertThat(new String(received.get(1).body(), StandardCharsets.UTF_8)).doesNotContain("@hooks.example");
            assertThat(deliveries(outsider.id())).isEmpty();
        }
    }

    private record Endpoint(String id, String secret) {
    }

    /** An organization with two petitions (the first with organizers to mail its delivery reports to). */
    private record Organization(Person owner, String slug, String secondSlug) {

        Endpoint endpoint(WebhookReceiver receiver, String... eventTypes) {
            JsonPath created = given().header("Authorization", "Bearer " + owner.token())
                    .contentType("application/json")
                    .body("{\"url\": \"" + receiver.url() + "\", \"event_types\": [\"" + String.join("\", \"", eventTypes)
                            + "\"]}")
                    .post("/api/admin/organizations/" + ConsolePeople.organizationOf(owner) + "/webhooks").then()
                    .statusCode(201).extract().jsonPath();
            return new Endpoint(created.getString("id"), created.getString("secret"));
        }
    }

    private static Organization organization() {
        Person owner = ConsolePeople.owner("events");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Organization organization = new Organization(owner, "events-" + run, "events-b-" + run);
        given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(organization.slug()).replace("\"goal\": 100000",
                        "\"goal\": 100000, \"organizer_emails\": [\"team@hooks.example\"]"))
                .post("/api/admin/petitions").then().statusCode(201);
        given().header("Authorization", "Bearer " + owner.token()).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(organization.secondSlug())).post("/api/admin/petitions").then()
                .statusCode(201);
        return organization;
    }

    private static CallReported call(String slug, UUID submissionId) {
        return new CallReported(EventSchema.VERSION, UUID.randomUUID(), slug, submissionId,
                "Office of the Attorney General", CallOutcome.LEFT_VOICEMAIL,
                new RequestFacts(Instant.parse("2026-12-07T18:00:00Z"), "198.51.100.7", "Test", null), "US-NY");
    }

    private static JsonNode callOf(WebhookReceiver receiver, CallReported call) {
        return receiver.received().stream().map(Received::json)
                .filter(body -> body.at("/data/call_id").asText().equals(call.reportId().toString())).findFirst()
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private List<String> deliveries(String endpoint) {
        return statements().query("read deliveries", row -> row.getString(1),
                "select status from reporting.webhook_delivery where endpoint_id = ?::uuid order by id", endpoint);
    }

    private boolean counted(UUID signature) {
        return !statements().query("read counted", row -> row.getInt(1),
                "select 1 from reporting.counted_signature where signature_id = ?", signature).isEmpty();
    }

    private boolean erased(String person) {
        return !statements().query("read tombstone", row -> row.getInt(1),
                "select 1 from reporting.erased_person where email_hash = ?", person).isEmpty();
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
