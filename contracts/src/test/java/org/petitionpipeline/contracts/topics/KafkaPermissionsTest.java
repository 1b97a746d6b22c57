package org.petitionpipeline.contracts.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.petitionpipeline.contracts.topics.KafkaGrant.Operation.DESCRIBE;
import static org.petitionpipeline.contracts.topics.KafkaGrant.Operation.READ;
import static org.petitionpipeline.contracts.topics.KafkaGrant.Operation.WRITE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.topics.KafkaGrant.Resource;

class KafkaPermissionsTest {

    @Test
    void intakeWritesWhatItSubmitsAndReadsOnlyTheCatalogUnderItsInstancesGroups() {
        assertThat(KafkaPermissions.of(Service.SIGNATURE_INTAKE)).containsExactly(
                new KafkaGrant(Resource.TOPIC, Topics.CALLS_REPORTED, false, Set.of(WRITE, DESCRIBE)),
                new KafkaGrant(Resource.TOPIC, Topics.PETITIONS, false, Set.of(READ, DESCRIBE)),
                new KafkaGrant(Resource.TOPIC, Topics.deadLetterOf(Topics.PETITIONS), false, Set.of(WRITE, DESCRIBE)),
                new KafkaGrant(Resource.TOPIC, Topics.SIGNATURES_SUBMITTED, false, Set.of(WRITE, DESCRIBE)),
                new KafkaGrant(Resource.GROUP, "signature-intake-catalog-", true, Set.of(READ)));
    }

    @Test
    void dedupReadsSubmissionsInItsGroupAndNeverTheSignatureTopicsItDoesNotConsume() {
        List<KafkaGrant> dedup = KafkaPermissions.of(Service.DEDUP);
        assertThat(dedup).contains(
                new KafkaGrant(Resource.TOPIC, Topics.SIGNATURES_SUBMITTED, false, Set.of(READ, DESCRIBE)),
                new KafkaGrant(Resource.TOPIC, Topics.SIGNATURES_ACCEPTED, false, Set.of(WRITE, DESCRIBE)),
                new KafkaGrant(Resource.GROUP, "dedup-service", false, Set.of(READ)));
        assertThat(dedup).noneMatch(grant -> grant.name().equals(Topics.SIGNATURES_VERIFIED)
                || grant.name().equals(Topics.SUBSCRIPTIONS));
    }

    @Test
    void reportingCountsSignaturesWithoutEverReadingTheirAddresses() {
        assertThat(KafkaPermissions.of(Service.REPORTING))
                .contains(new KafkaGrant(Resource.TOPIC, Topics.SIGNATURES_COUNTED, false, Set.of(READ, DESCRIBE)))
                // the ops console describes every topic (its lag figures), but reads no record of these
                .noneMatch(grant -> grant.operations().contains(READ) && (grant.name().equals(Topics.SIGNATURES_ACCEPTED)
                        || grant.name().equals(Topics.SIGNATURES_SUBMITTED)));
    }

    @Test
    void reportingReadsSubscriptionChangesForTheOrganizationsWebhooksAndDeadLettersThem() {
        assertThat(KafkaPermissions.of(Service.REPORTING)).contains(
                new KafkaGrant(Resource.TOPIC, Topics.SUBSCRIPTIONS, false, Set.of(READ, DESCRIBE)),
                new KafkaGrant(Resource.TOPIC, Topics.deadLetterOf(Topics.SUBSCRIPTIONS), false,
                        Set.of(WRITE, DESCRIBE)));
    }

    @Test
    void onlyTheOpsConsoleDescribesEveryTopicAndGroup() {
        List<KafkaGrant> reporting = KafkaPermissions.of(KafkaPermissions.OBSERVES_EVERYTHING);
        assertThat(reporting).filteredOn(grant -> grant.resource() == Resource.TOPIC)
                .extracting(KafkaGrant::name)
                .containsExactlyInAnyOrderElementsOf(TopicCatalogue.production().stream().map(TopicDefinition::name)
                        .toList());
        assertThat(reporting).contains(new KafkaGrant(Resource.GROUP, "dedup-service", false, Set.of(DESCRIBE)),
                new KafkaGrant(Resource.GROUP, "email-service-catalog-", true, Set.of(DESCRIBE)),
                new KafkaGrant(Resource.GROUP, "reporting-service", false, Set.of(READ, DESCRIBE)));
        assertThat(KafkaPermissions.of(Service.EMAIL)).filteredOn(grant -> grant.resource() == Resource.GROUP)
                .extracting(KafkaGrant::name).containsExactlyInAnyOrder("email-service", "email-service-catalog-");
    }

    @Test
    void readingATopicComesWithWritingItsDeadLetters() {
        for (Service service : Service.values()) {
            List<KafkaGrant> grants = KafkaPermissions.of(service);
            grants.stream().filter(grant -> grant.operations().contains(READ) && grant.resource() == Resource.TOPIC)
                    .forEach(read -> assertThat(grants).as(service + " reads " + read.name()).contains(new KafkaGrant(
                            Resource.TOPIC, Topics.deadLetterOf(read.name()), false, Set.of(WRITE, DESCRIBE))));
        }
    }
}
