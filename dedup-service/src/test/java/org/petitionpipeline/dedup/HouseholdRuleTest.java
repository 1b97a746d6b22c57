package org.petitionpipeline.dedup;

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

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HouseholdRuleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static SubmittedSignature signer(String slug, String givenName, String postcode, boolean household) {
        return DedupFixtures.submission(slug, givenName, "the.does@example.org", postcode, "GB", "203.0.113.7",
                household);
    }

    @Test
    void aHouseholdSharesAnEmailOncePerPersonAtOnePostcode() {
        String slug = "household-" + UUID.randomUUID();
        SubmittedSignature jane = signer(slug, "Jane", "SW1A 1AA", true);
        SubmittedSignature sam = signer(slug, "Sam", "SW1A 1AA", true);
        SubmittedSignature janeAgain = signer(slug, "  JANE ", "SW1A 1AA", true);
        SubmittedSignature elsewhereInTheBatch = signer(slug, "Alex", "M1 1AE", true);

        DedupFixtures.TopicOutcomes first = DedupFixtures.outcomesOf(bootstrapServers, slug, jane, sam, janeAgain,
                elsewhereInTheBatch);

        assertThat(first.accepted()).extracting(AcceptedSignature::signatureId)
                .containsExactlyInAnyOrder(jane.submissionId(), sam.submissionId());
        assertThat(first.rejected()).extracting(RejectedSignature::submissionId, RejectedSignature::reason)
                .containsExactlyInAnyOrder(tuple(janeAgain.submissionId(), RejectionReason.DUPLICATE),
                        tuple(elsewhereInTheBatch.submissionId(), RejectionReason.DUPLICATE));

        SubmittedSignature elsewhereLater = signer(slug, "Robin", "M1 1AE", true);
        SubmittedSignature thirdMember = signer(slug, "Kim", "SW1A 1AA", true);
        DedupFixtures.TopicOutcomes later = DedupFixtures.outcomesOf(bootstrapServers, slug, elsewhereLater,
                thirdMember);

        assertThat(later.accepted()).extracting(AcceptedSignature::signatureId).contains(thirdMember.submissionId())
                .doesNotContain(elsewhereLater.submissionId());
        assertThat(later.rejected()).filteredOn(rejected -> rejected.submissionId().equals(elsewhereLater.submissionId()))
                .singleElement().satisfies(rejected -> assertThat(rejected.detail()).contains("another postal code"));
    }

    @Test
    void withoutTheRuleOneEmailIsOnePersonWhateverTheName() {
        String slug = "one-per-email-" + UUID.randomUUID();
        SubmittedSignature jane = signer(slug, "Jane", "SW1A 1AA", false);
        SubmittedSignature sam = signer(slug, "Sam", "SW1A 1AA", false);

        DedupFixtures.TopicOutcomes outcomes = DedupFixtures.outcomesOf(bootstrapServers, slug, jane, sam);

        assertThat(outcomes.accepted()).extracting(AcceptedSignature::signatureId).containsExactly(jane.submissionId());
        assertThat(outcomes.rejected()).extracting(RejectedSignature::submissionId, RejectedSignature::reason)
                .containsExactly(tuple(sam.submissionId(), RejectionReason.DUPLICATE));
    }
}
