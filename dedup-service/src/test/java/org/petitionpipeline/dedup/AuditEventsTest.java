package org.petitionpipeline.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.kit.audit.AuditEvents;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/** What dedup's staff do, or are refused, reaches audit.events from its outbox, as its transactions decide. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AuditEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AuditEvents audit;

    private static Caller editorOf(String organization) {
        return new Caller(UUID.randomUUID(), "editor@" + organization + ".example", false,
                Map.of(organization, OrgRole.EDITOR));
    }

    @Test
    void anActionRecordedInItsTransactionIsOnTheTopicOnceItCommits() {
        String organization = "audit-" + UUID.randomUUID();
        Caller editor = editorOf(organization);

        QuarkusTransaction.requiringNew().run(() -> audit.record(editor, "signatures.invalidate", organization,
                "save-the-library", AuditEvent.SUCCESS, Map.of("signatures", "3"), "198.51.100.7"));

        AuditEvent event = await().atMost(DedupFixtures.WAIT).until(() -> eventsOf(organization),
                published -> !published.isEmpty()).get(0);
        assertThat(event).usingRecursiveComparison().ignoringFields("eventId", "at").isEqualTo(new AuditEvent(1, null,
                null, "dedup-service", editor.accountId(), editor.label(), organization, "signatures.invalidate",
                "save-the-library", AuditEvent.SUCCESS, Map.of("signatures", "3"), "198.51.100.7"));
        assertThat(event.eventId()).isNotNull();
        assertThat(event.key()).isEqualTo(organization);
    }

    @Test
    void aRefusalOutlivesTheRollbackOfItsRequestAndASuccessDoesNot() {
        String organization = "audit-" + UUID.randomUUID();
        Caller editor = editorOf(organization);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(editor, "held.release", organization, "save-the-library", AuditEvent.SUCCESS, null, null);
            audit.record(editor, "access.denied", organization, "save-the-library", AuditEvent.DENIED,
                    Map.of("status", "403"), null);
            throw new IllegalStateException("the request fails");
        })).hasMessage("the request fails");
        // relayed oldest first: once this one is out, anything committed before it is too
        audit.record(editor, "signatures.invalidate", organization, "save-the-library", AuditEvent.SUCCESS, null,
                null);

        List<AuditEvent> events = await().atMost(DedupFixtures.WAIT).until(() -> eventsOf(organization),
                published -> published.stream().anyMatch(event -> event.action().equals("signatures.invalidate")));
        assertThat(events).extracting(AuditEvent::action).containsExactly("access.denied", "signatures.invalidate");
    }

    @Test
    void anEntryTheLogCouldNotHoldIsRefusedAtOnce() {
        Caller editor = editorOf("acme");
        assertThatThrownBy(() -> audit.record(editor, "held.release", "acme", null, "GRANTED", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GRANTED");
        assertThatThrownBy(() -> audit.record(editor, null, "acme", null, AuditEvent.SUCCESS, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing action");
    }

    private List<AuditEvent> eventsOf(String organization) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readAllValues(Topics.AUDIT_EVENTS, AuditEvent.class).stream()
                    .filter(event -> organization.equals(event.organization())).toList();
        }
    }
}
