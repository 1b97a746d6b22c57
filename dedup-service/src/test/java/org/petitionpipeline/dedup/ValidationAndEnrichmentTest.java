package org.petitionpipeline.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/** Dedup checks again what intake checked, knows mailboxes, and adds what delivery needs. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ValidationAndEnrichmentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static SubmittedSignature submitted(String slug, String givenName, String email, String postalCode,
            String country) {
        return DedupFixtures.submission(slug, givenName, email, postalCode, country, "203.0.113.7", false);
    }

    private DedupFixtures.TopicOutcomes outcomesOf(String slug, SubmittedSignature... submissions) {
        return DedupFixtures.outcomesOf(bootstrapServers, slug, submissions);
    }

    @Test
    void spellingsGmailDeliversToOneInboxAreOnePerson() {
        String slug = "mailbox-" + UUID.randomUUID();
        SubmittedSignature first = submitted(slug, "Jane", "Jane.Doe+petitions@gmail.com", null, null);
        SubmittedSignature dotless = submitted(slug, "Jane", "janedoe@googlemail.com", null, null);
        SubmittedSignature shouting = submitted(slug, "Jane", "JANE.DOE@GMAIL.COM", null, null);
        SubmittedSignature otherProvider = submitted(slug, "Jane", "jane.doe@example.org", null, null);
        SubmittedSignature otherPerson = submitted(slug, "Jan", "janedoe@example.org", null, null);

        DedupFixtures.TopicOutcomes outcomes = outcomesOf(slug, first, dotless, shouting, otherProvider, otherPerson);

        assertThat(outcomes.accepted()).extracting(AcceptedSignature::signatureId)
                .containsExactlyInAnyOrder(first.submissionId(), otherProvider.submissionId(), otherPerson.submissionId());
        assertThat(outcomes.accepted()).filteredOn(a -> a.signatureId().equals(first.submissionId()))
                .extracting(a -> a.signer().email()).as("mail goes where the signer asked")
                .containsExactly("jane.doe+petitions@gmail.com");
        assertThat(outcomes.rejected()).extracting(RejectedSignature::submissionId, RejectedSignature::reason)
                .containsExactlyInAnyOrder(tuple(dotless.submissionId(), RejectionReason.DUPLICATE),
                        tuple(shouting.submissionId(), RejectionReason.DUPLICATE));
    }

    @Test
    void disposableInboxesUnsafeTextAndWrongPostalCodesAreInvalid() {
        String slug = "invalid-" + UUID.randomUUID();
        SubmittedSignature disposable = submitted(slug, "Temp", "temp@mailinator.com", null, null);
        SubmittedSignature disposableSubdomain = submitted(slug, "Temp", "temp@eu.yopmail.com", null, null);
        SubmittedSignature injected = submitted(slug, "Jane\r\nBcc: all@example.org", "inject@example.org", null, null);
        SubmittedSignature wrongZip = submitted(slug, "Zip", "zip@example.org", "SW1A 1AA", "US");
        SubmittedSignature valid = submitted(slug, "Valid", "valid@example.org", "20500", "US");

        DedupFixtures.TopicOutcomes outcomes = outcomesOf(slug, disposable, disposableSubdomain, injected, wrongZip, valid);

        assertThat(outcomes.accepted()).extracting(AcceptedSignature::signatureId).containsExactly(valid.submissionId());
        assertThat(outcomes.rejected()).allSatisfy(rejected ->
                assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID));
        assertThat(outcomes.rejected()).extracting(RejectedSignature::submissionId, RejectedSignature::detail)
                .containsExactlyInAnyOrder(
                        tuple(disposable.submissionId(), "the email domain hands out disposable inboxes"),
                        tuple(disposableSubdomain.submissionId(), "the email domain hands out disposable inboxes"),
                        tuple(injected.submissionId(), "a name, postal code or comment holds control characters"),
                        tuple(wrongZip.submissionId(), "postal code: a US ZIP code has 5 digits, or 5+4 like 20500-0003"));
        assertThat(outcomes.rejected()).extracting(RejectedSignature::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContain("@"));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("dedup_outcomes_total\\{outcome=\"invalid\"\\} [1-9]")
                .containsPattern("dedup_outcomes_total\\{outcome=\"accepted\"\\} [1-9]");
    }

    @Test
    void theRegionComesFromTheZipAndTheCountryFromAPostcodeOnlyOneCountryWrites() {
        String slug = "region-" + UUID.randomUUID();
        SubmittedSignature washington = submitted(slug, "Dee", "dee@example.org", "20500-0003", "US");
        SubmittedSignature london = submitted(slug, "Lon", "lon@example.org", "sw1a1aa", null);
        SubmittedSignature berlin = submitted(slug, "Ber", "ber@example.org", "10117", "DE");

        DedupFixtures.TopicOutcomes outcomes = outcomesOf(slug, washington, london, berlin);

        assertThat(outcomes.accepted()).extracting(a -> a.signer().givenName(), a -> a.signer().country(),
                        a -> a.signer().postalCode(), AcceptedSignature::region)
                .containsExactlyInAnyOrder(
                        tuple("Dee", "US", "20500-0003", "US-DC"),
                        tuple("Lon", "GB", "SW1A 1AA", null),
                        tuple("Ber", "DE", "10117", null));
    }
}
