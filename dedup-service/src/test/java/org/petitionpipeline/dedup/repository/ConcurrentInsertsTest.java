package org.petitionpipeline.dedup.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.DedupFixtures;
import org.petitionpipeline.dedup.service.Candidate;
import org.petitionpipeline.dedup.service.HouseholdRule;
import org.petitionpipeline.dedup.service.NewSignature;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/**
 * Two dedup instances storing batches at the same time. The first instance's batch is an open transaction on a
 * connection of the test, so that the second one (another thread) can be caught half way.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrentInsertsTest {

    private static final String EMAIL = "the.does@example.org";

    @Inject
    SignatureRepository signatures;

    @Inject
    DataSource dataSource;

    private final ExecutorService secondInstance = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopSecondInstance() {
        secondInstance.shutdownNow();
    }

    private static NewSignature signature(String slug, String emailHash, String givenName, String postalCode,
            boolean household) {
        SubmittedSignature submitted = DedupFixtures.submission(slug, givenName, EMAIL, postalCode, "GB",
                "203.0.113.7", household);
        Candidate candidate = new Candidate(submitted, EMAIL, emailHash, postalCode, "GB", null);
        return new NewSignature(candidate, new HouseholdRule().memberOf(candidate), null);
    }

    /** Until a statement of another connection waits for a lock (a row, or an advisory lock). */
    private void awaitAWaitingStatement() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity "
                            + "where wait_event_type = 'Lock' and pid <> pg_backend_pid()");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1) > 0;
            }
        });
    }

    @Test
    void twoInstancesCannotStoreOneHouseholdEmailFromTwoPostalCodes() throws Exception {
        // +tags make two intake keys, so the two may be on two partitions, hence two instances
        String slug = "household-race-" + UUID.randomUUID();
        NewSignature jane = signature(slug, "mailbox-hash", "Jane", "SW1A 1AA", true);
        NewSignature sam = signature(slug, "mailbox-hash", "Sam", "M1 1AE", true);

        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            assertThat(signatures.insertNew(first, List.of(jane), Instant.now()).stored()).hasSize(1);
            Future<SignatureRepository.Insertion> second = secondInstance.submit(
                    () -> signatures.insertNew(List.of(sam), Instant.now()));

            awaitAWaitingStatement();
            first.commit();

            assertThat(second.get(10, TimeUnit.SECONDS).stored()).isEmpty();
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(1);
    }

    @Test
    void twoInstancesStoringTheSamePeopleInOppositeOrdersDoNotDeadlock() throws Exception {
        String slug = "cross-order-" + UUID.randomUUID();
        NewSignature ann = signature(slug, "hash-a", "Ann", null, false);
        NewSignature ben = signature(slug, "hash-b", "Ben", null, false);
        NewSignature annAgain = signature(slug, "hash-a", "Ann", null, false);
        NewSignature benAgain = signature(slug, "hash-b", "Ben", null, false);

        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            // the first instance's statement half way: Ann stored, Ben next
            signatures.insertNew(first, List.of(ann), Instant.now());
            // the second's batch came in the opposite order: had it stored Ben first, storing Ben below deadlocks
            Future<SignatureRepository.Insertion> second = secondInstance.submit(
                    () -> signatures.insertNew(List.of(benAgain, annAgain), Instant.now()));
            awaitAWaitingStatement();
            assertThat(signatures.insertNew(first, List.of(ben), Instant.now()).stored()).hasSize(1);
            first.commit();

            SignatureRepository.Insertion later = second.get(10, TimeUnit.SECONDS);
            assertThat(later.stored()).isEmpty();
            assertThat(later.storedBefore()).isEmpty();
        }
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(2);
    }

    @Test
    void theFirstOfAPersonInABatchIsStoredWhereverTheSortPutsThem() throws SQLException {
        String slug = "first-wins-" + UUID.randomUUID();
        NewSignature zoe = signature(slug, "hash-z", "Zoe", null, false);
        NewSignature ann = signature(slug, "hash-a", "Ann", null, false);
        NewSignature annAgain = signature(slug, "hash-a", "Ann", null, false);

        SignatureRepository.Insertion insertion = signatures.insertNew(List.of(zoe, ann, annAgain), Instant.now());

        assertThat(insertion.stored()).containsExactlyInAnyOrder(zoe.candidate().submitted().submissionId(),
                ann.candidate().submitted().submissionId());
        assertThat(DedupFixtures.storedRows(dataSource, slug)).isEqualTo(2);
    }
}
