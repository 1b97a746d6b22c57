package org.petitionpipeline.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The entries of email and dedup arrive on audit.events and are in the one log once each, whatever the replays. */
@QuarkusTest
class AuditEventIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static AuditEvent event(String organization, String action, String outcome, Instant at) {
        return new AuditEvent(EventSchema.VERSION, UUID.randomUUID(), at, "email-service", UUID.randomUUID(),
                "editor@" + organization + ".example", organization, action, "save-the-library", outcome,
                Map.of("recipients", "1200"), "203.0.113.9");
    }

    private static JsonPath logOf(String organization) {
        return AuditResourceTest.as(AuditResourceTest.operator()).queryParam("organization", organization)
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEventPublishedTwiceIsOneEntryAndOneTheLogCannotHoldIsSetAside() {
        String organization = "ingest-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent posted = event(organization, "mailing.post", AuditEvent.SUCCESS, at);
        AuditEvent unknownOutcome = event(organization, "mailing.post", "GRANTED", at.plusMillis(1));
        // same key, so the same partition: once it is in the log, everything sent before it was taken or set aside
        AuditEvent last = event(organization, "erasure.request", AuditEvent.DENIED, at.plusMillis(2));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.AUDIT_EVENTS, posted.key(), posted);
            kafka.send(Topics.AUDIT_EVENTS, posted.key(), posted);
            kafka.send(Topics.AUDIT_EVENTS, unknownOutcome.key(), unknownOutcome);
            kafka.send(Topics.AUDIT_EVENTS, last.key(), last);

            await().atMost(WAIT).until(() -> logOf(organization).getList("events").size() >= 2);
            JsonPath log = logOf(organization);
            assertThat(log.getList("events.action")).containsExactly("erasure.request", "mailing.post");
            assertThat(log.getMap("events[1]")).containsEntry("service", "email-service")
                    .containsEntry("actor_label", "editor@" + organization + ".example")
                    .containsEntry("actor_account", posted.actorAccount().toString())
                    .containsEntry("at", at.toString()).containsEntry("target", "save-the-library")
                    .containsEntry("outcome", "SUCCESS").containsEntry("detail", Map.of("recipients", "1200"))
                    .containsEntry("client_address", "203.0.113.9");
            await().atMost(WAIT).until(() -> kafka.read(Topics.deadLetterOf(Topics.AUDIT_EVENTS), 1000,
                    Duration.ofMillis(500)).stream().anyMatch(record -> record.value().contains(
                    unknownOutcome.eventId().toString())));
        }
    }
}
