package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON form is the contract between services: field names are snake_case and survive a round trip. */
class EventJsonFormTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final SubmittedSignature submitted = new SubmittedSignature(
            EventSchema.VERSION,
            UUID.fromString("0b9a7c1e-3f43-4d4e-9a53-5b7f3c3f0c11"),
            "demo",
            "Tell the Attorney General: resign",
            "ab12",
            new Signer("Jane", "Doe", "jane@example.org", "20500", "US"),
            "Enough.",
            new Consent(true, "v1", "en"),
            new RequestFacts(Instant.parse("2026-11-22T10:15:30Z"), "203.0.113.9", "curl/8", "https://news.example"), true);

    @Test
    void submittedSignatureUsesSnakeCaseFieldNames() throws Exception {
        JsonNode node = json.readTree(json.writeValueAsString(submitted));

        assertThat(node.get("schema_version").asInt()).isEqualTo(1);
        assertThat(node.get("submission_id").asText()).isEqualTo("0b9a7c1e-3f43-4d4e-9a53-5b7f3c3f0c11");
        assertThat(node.get("petition_slug").asText()).isEqualTo("demo");
        assertThat(node.at("/signer/given_name").asText()).isEqualTo("Jane");
        assertThat(node.at("/consent/email_updates").asBoolean()).isTrue();
        assertThat(node.at("/request/received_at").asText()).isEqualTo("2026-11-22T10:15:30Z");
    }

    @Test
    void aCountedSignatureCarriesNoAddressRequestFactsOrConsent() throws Exception {
        AcceptedSignature accepted = new AcceptedSignature(EventSchema.VERSION, submitted.submissionId(), "demo",
                "Resign", "ab12", submitted.signer(), "Enough.", submitted.consent(), submitted.request(), "US-DC",
                Instant.parse("2026-11-22T10:15:31Z"));
        CountedSignature counted = CountedSignature.of(accepted);

        String form = json.writeValueAsString(counted);
        assertThat(form).doesNotContain("jane@example.org", "203.0.113.9", "curl/8", "news.example", "consent");
        assertThat(json.readTree(form).get("given_name").asText()).isEqualTo("Jane");
        assertThat(counted.key()).isEqualTo(accepted.key());
        assertThat(json.readValue(form, CountedSignature.class)).isEqualTo(counted);
    }

    @Test
    void eventsSurviveARoundTrip() throws Exception {
        assertThat(json.readValue(json.writeValueAsString(submitted), SubmittedSignature.class)).isEqualTo(submitted);

        PetitionDefinition petition = new PetitionDefinition(EventSchema.VERSION, "demo", "Resign", "Text",
                List.of(new PetitionTarget("Pam Bondi", "U.S. Attorney General", null,
                        List.of(new OfficeContact("Main switchboard", "+1 202-514-2000")))), 1000, PetitionStatus.OPEN,
                "Email me updates", "v1", List.of(SignerField.POSTAL_CODE), List.of("https://news.example"),
                true, true, Instant.parse("2026-12-31T23:59:59Z"), List.of("organizer@campaign.example"),
                Instant.parse("2026-11-22T10:00:00Z"), 30, "acme", null, null, null);
        assertThat(json.readValue(json.writeValueAsString(petition), PetitionDefinition.class)).isEqualTo(petition);
        // a definition written before retention_days existed reads with the deployment's period (null)
        String withoutRetention = json.writeValueAsString(petition).replace(",\"retention_days\":30", "");
        assertThat(json.readValue(withoutRetention, PetitionDefinition.class).retentionDays()).isNull();
        // and one written before organizations existed reads without an owner (its petition is the 'default' one's)
        String withoutOrganization = json.writeValueAsString(petition).replace(",\"organization\":\"acme\"", "");
        assertThat(withoutOrganization).doesNotContain("acme");
        assertThat(json.readValue(withoutOrganization, PetitionDefinition.class).organization()).isNull();

        PetitionAnonymized anonymized = new PetitionAnonymized(EventSchema.VERSION, "demo",
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-05-30T00:00:00Z"));
        assertThat(json.readTree(json.writeValueAsString(anonymized)).get("petition_slug").asText()).isEqualTo("demo");
        assertThat(json.readValue(json.writeValueAsString(anonymized), PetitionAnonymized.class)).isEqualTo(anonymized);

        MilestoneReached milestone = new MilestoneReached(EventSchema.VERSION, "demo", MilestoneReached.Kind.GOAL,
                1000, 1003, Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(json.readTree(json.writeValueAsString(milestone)).get("kind").asText()).isEqualTo("GOAL");
        assertThat(json.readValue(json.writeValueAsString(milestone), MilestoneReached.class)).isEqualTo(milestone);
    }

    @Test
    void anAuditEventKeysByOrganizationAndSetsAsideAnOutcomeTheLogCannotHold() throws Exception {
        AuditEvent event = new AuditEvent(EventSchema.VERSION, UUID.fromString("6f1c2a9e-0d7b-4c55-8f0e-2b4d7e9a1c30"),
                Instant.parse("2026-12-07T05:00:00Z"), "email-service", null, "deployment token", "acme",
                "mailing.post", "demo", AuditEvent.SUCCESS, Map.of("recipients", "1200"), "198.51.100.7");

        JsonNode node = json.readTree(json.writeValueAsString(event));
        assertThat(node.get("event_id").asText()).isEqualTo("6f1c2a9e-0d7b-4c55-8f0e-2b4d7e9a1c30");
        assertThat(node.get("actor_label").asText()).isEqualTo("deployment token");
        assertThat(node.at("/detail/recipients").asText()).isEqualTo("1200");
        assertThat(node.get("client_address").asText()).isEqualTo("198.51.100.7");
        assertThat(json.readValue(json.writeValueAsString(event), AuditEvent.class)).isEqualTo(event);
        assertThat(event.key()).isEqualTo("acme");
        assertThat(event.defect()).isEmpty();

        AuditEvent platform = json.readValue(json.writeValueAsString(event)
                .replace("\"organization\":\"acme\"", "\"organization\":null")
                .replace("\"SUCCESS\"", "\"GRANTED\""), AuditEvent.class);
        assertThat(platform.key()).isEqualTo(AuditEvent.PLATFORM_KEY);
        assertThat(platform.defect()).hasValueSatisfying(defect -> assertThat(defect).contains("GRANTED"));
    }

    @Test
    void aPetitionIsOpenUntilItsEndDate() {
        Instant end = Instant.parse("2026-12-31T23:59:59Z");
        PetitionDefinition petition = new PetitionDefinition(EventSchema.VERSION, "demo", "Resign", "Text",
                List.of(new PetitionTarget("Pam Bondi", "U.S. Attorney General")), 1000, PetitionStatus.OPEN,
                "Email me updates", "v1", null, null, false, false, end, null, Instant.parse("2026-11-22T10:00:00Z"),
                null, null, null, null, null);

        assertThat(petition.isOpenAt(end.minusSeconds(1))).isTrue();
        assertThat(petition.isOpenAt(end)).isFalse();
        assertThat(petition.organizerEmails()).isEmpty();
        assertThat(petition.targets().get(0).offices()).isEmpty();
    }

    @Test
    void aCallReportWrittenBeforeRegionsReadsWithoutOne() throws Exception {
        CallReported call = new CallReported(EventSchema.VERSION, UUID.randomUUID(), "demo", null, "Senator Alex Padilla",
                CallOutcome.LEFT_VOICEMAIL, submitted.request(), "US-CA");
        String form = json.writeValueAsString(call);
        assertThat(json.readTree(form).get("region").asText()).isEqualTo("US-CA");
        assertThat(json.readValue(form, CallReported.class)).isEqualTo(call);

        String older = form.replace(",\"region\":\"US-CA\"", "");
        assertThat(older).doesNotContain("US-CA");
        CallReported read = json.readValue(older, CallReported.class);
        assertThat(read.region()).isNull();
        assertThat(read.defect()).isEmpty();
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() throws Exception {
        String withExtra = json.writeValueAsString(submitted).replaceFirst("\\{", "{\"added_later\":42,");
        assertThat(json.readValue(withExtra, SubmittedSignature.class)).isEqualTo(submitted);
    }

    @Test
    void keyJoinsSlugAndEmailHash() {
        assertThat(submitted.key()).isEqualTo("demo:ab12");
    }
}
