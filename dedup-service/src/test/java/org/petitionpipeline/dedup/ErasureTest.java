package org.petitionpipeline.dedup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.dedup.DedupFixtures.TopicOutcomes;
import org.petitionpipeline.dedup.repository.ErasureRepository;
import org.petitionpipeline.dedup.repository.RetentionRepository;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ErasureTest {

    private static final String OPS_TOKEN = TestAccessTokens.operator();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void anErasedPersonsSignaturesStayCountedWithNothingLeftThatNamesThem() throws Exception {
        String run = UUID.randomUUID().toString();
        String plain = "erase-" + run;
        String held = "erase-held-" + run;
        String household = "erase-household-" + run;
        Person jane = Person.random();
        Person sam = Person.random();
        SubmittedSignature janePlain = jane.signs(plain, false, Instant.now());
        SubmittedSignature samPlain = sam.signs(plain, false, Instant.now());
        SubmittedSignature janeHeld = jane.signs(held, false, Instant.now());
        SubmittedSignature janeHousehold = jane.signs(household, true, Instant.now());
        String janeHash = acceptedHash(plain, janePlain, samPlain);
        acceptedHash(held, janeHeld);
        acceptedHash(household, janeHousehold);
        // as a fraud signal would have held it, naming the source
        hold(janeHeld.submissionId(), "more than 3 signatures from address " + jane.ip() + "/128 within 10 min");
        Map<String, Long> countedBefore = counted(plain, held, household);

        ErasureDone done = erase(new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), janeHash, Instant.now()));

        assertThat(done.service()).isEqualTo("dedup-service");
        assertThat(done.records()).isEqualTo(3);
        assertThat(tracesOf(jane)).as("columns that still hold something of the erased person").isEmpty();
        assertThat(counted(plain, held, household)).isEqualTo(countedBefore);
        assertThat(DedupFixtures.status(dataSource, janePlain.submissionId())).isEqualTo("accepted");
        assertThat(DedupFixtures.status(dataSource, janeHousehold.submissionId())).isEqualTo("accepted");
        assertThat(columns(janePlain.submissionId())).containsEntry("email_hash", janeHash)
                .containsEntry("country", "US").containsEntry("region", "US-DC").containsEntry("email", null);
        assertThat(columns(samPlain.submissionId())).containsEntry("email", sam.email())
                .containsEntry("given_name", sam.givenName()).containsEntry("postal_code", sam.postalCode())
                .containsEntry("comments", sam.comment()).containsEntry("client_ip", sam.ip())
                .containsEntry("user_agent", sam.userAgent()).containsEntry("referrer", sam.referrer());
        // held, anonymized, still for ops to release or strike out
        given().header("Authorization", "Bearer " + OPS_TOKEN).queryParam("petition", held)
                .get("/api/admin/held").then().statusCode(200)
                .body("total_held", equalTo(1))
                .body("signatures[0].signature_id", equalTo(janeHeld.submissionId().toString()))
                .body("signatures[0].email", nullValue())
                .body("signatures[0].client_ip", nullValue())
                .body("signatures[0].held_because", equalTo(ErasureRepository.ERASED_REASON));
    }

    @Test
    void aReplayedErasureChangesNothingAndAnnouncesNothingNew() throws Exception {
        String slug = "erase-replay-" + UUID.randomUUID();
        Person jane = Person.random();
        SubmittedSignature signature = jane.signs(slug, false, Instant.now());
        String janeHash = acceptedHash(slug, signature);
        PersonErasure erasure = new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), janeHash, Instant.now());
        erase(erasure);
        Map<String, Object> erased = columns(signature.submissionId());

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PEOPLE_ERASURES, janeHash, erasure);
        }
        // the same person's key, so the same partition: once this one is done, the replay before it was processed
        ErasureDone after = erase(new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), janeHash,
                erasure.requestedAt()));

        assertThat(after.records()).isZero();
        assertThat(announcementsOf(erasure.erasureId())).hasSize(1);
        assertThat(columns(signature.submissionId())).isEqualTo(erased);
        assertThat(tracesOf(jane)).isEmpty();
    }

    @Test
    void aSignatureFromBeforeTheRequestArrivingLateIsStoredAnonymizedAndOneFromAfterIsNormal() throws Exception {
        String run = UUID.randomUUID().toString();
        String signed = "erase-signed-" + run;
        String household = "erase-late-household-" + run;
        String late = "erase-late-" + run;
        String after = "erase-after-" + run;
        Person jane = Person.random();
        Instant beforeTheRequest = Instant.now();
        String janeHash = acceptedHash(signed, jane.signs(signed, false, beforeTheRequest));
        acceptedHash(household, jane.signs(household, true, beforeTheRequest));
        PersonErasure erasure = new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), janeHash,
                beforeTheRequest.plusSeconds(1));
        erase(erasure);

        SubmittedSignature lateNew = jane.signs(late, false, beforeTheRequest);
        TopicOutcomes lateOutcomes = DedupFixtures.outcomesOf(bootstrapServers, late, lateNew);
        assertThat(lateOutcomes.accepted()).singleElement().satisfies(accepted -> {
            assertThat(accepted.signatureId()).isEqualTo(lateNew.submissionId());
            assertThat(accepted.emailHash()).isEqualTo(janeHash);
            assertThat(accepted.signer()).isEqualTo(new Signer(null, null, null, null, "US"));
            assertThat(accepted.comments()).isNull();
            assertThat(accepted.request()).isEqualTo(new RequestFacts(beforeTheRequest, null, null, null));
            assertThat(accepted.region()).isEqualTo("US-DC");
        });
        assertThat(counted(late)).containsEntry(late, 1L);
        assertThat(tracesOf(jane)).isEmpty();
        // still one signature per person and petition, the household petition too
        SubmittedSignature lateAgain = jane.signs(signed, false, beforeTheRequest);
        SubmittedSignature lateHousehold = jane.signs(household, true, beforeTheRequest);
        assertThat(DedupFixtures.outcomesOf(bootstrapServers, signed, lateAgain).rejected())
                .singleElement().satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.DUPLICATE));
        assertThat(DedupFixtures.outcomesOf(bootstrapServers, household, lateHousehold).rejected())
                .singleElement().satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.DUPLICATE));

        SubmittedSignature fresh = jane.signs(after, false, Instant.now());
        assertThat(DedupFixtures.outcomesOf(bootstrapServers, after, fresh).accepted()).singleElement()
                .satisfies(accepted -> assertThat(accepted.signer().email()).isEqualTo(jane.email()));
        assertThat(columns(fresh.submissionId())).containsEntry("email", jane.email())
                .containsEntry("client_ip", jane.ip());
        SubmittedSignature freshAgain = jane.signs(signed, false, Instant.now());
        assertThat(DedupFixtures.outcomesOf(bootstrapServers, signed, freshAgain).rejected())
                .filteredOn(rejected -> rejected.submissionId().equals(freshAgain.submissionId()))
                .singleElement().satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.DUPLICATE));
    }

    @Test
    void aPetitionWhoseRetentionRanOutHasEverySignatureAnonymizedAndStillCountedOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        String retained = "retention-" + run;
        String other = "retention-other-" + run;
        Person jane = Person.random();
        Person sam = Person.random();
        SubmittedSignature janeSigned = jane.signs(retained, false, Instant.now());
        SubmittedSignature samSigned = sam.signs(retained, true, Instant.now());
        SubmittedSignature janeElsewhere = jane.signs(other, false, Instant.now());
        acceptedHash(retained, janeSigned, samSigned);
        acceptedHash(other, janeElsewhere);
        hold(samSigned.submissionId(), "more than 3 signatures from address " + sam.ip() + "/128 within 10 min");
        Map<String, Long> countedBefore = counted(retained, other);
        Map<String, Object> elsewhereBefore = columns(janeElsewhere.submissionId());
        PetitionAnonymized anonymized = new PetitionAnonymized(EventSchema.VERSION, retained,
                Instant.now().minusSeconds(86_400), Instant.now());

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS_ANONYMIZED, retained, anonymized);
            kafka.send(Topics.PETITIONS_ANONYMIZED, retained, anonymized);
        }

        await().atMost(DedupFixtures.WAIT).untilAsserted(() -> assertThat(tracesOf(sam)).isEmpty());
        assertThat(columns(janeSigned.submissionId())).containsEntry("email", null).containsEntry("given_name", null)
                .containsEntry("client_ip", null).containsEntry("country", "US").containsEntry("region", "US-DC")
                .containsEntry("status", "accepted");
        assertThat(columns(samSigned.submissionId())).containsEntry("status", "held")
                .containsEntry("status_reason", RetentionRepository.RETAINED_REASON);
        assertThat(counted(retained, other)).isEqualTo(countedBefore);
        assertThat(columns(janeElsewhere.submissionId())).as("another petition's signature stays whole")
                .isEqualTo(elsewhereBefore);
        // the petition's signatures are still duplicates of themselves: the same person cannot count twice
        TopicOutcomes again = DedupFixtures.outcomesOf(bootstrapServers, retained,
                jane.signs(retained, false, Instant.now()));
        assertThat(again.rejected()).singleElement()
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(RejectionReason.DUPLICATE));
    }

    /** Sends the submissions of one petition, waits for their outcomes and returns the first signer's hash. */
    private String acceptedHash(String slug, SubmittedSignature... submissions) {
        TopicOutcomes outcomes = DedupFixtures.outcomesOf(bootstrapServers, slug, submissions);
        assertThat(outcomes.accepted()).hasSize(submissions.length);
        return outcomes.accepted().stream().filter(a -> a.signatureId().equals(submissions[0].submissionId()))
                .findFirst().map(AcceptedSignature::emailHash).orElseThrow();
    }

    /** Publishes the request and waits for dedup's announcement that it is done. */
    private ErasureDone erase(PersonErasure erasure) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PEOPLE_ERASURES, erasure.emailHash(), erasure);
        }
        return await().atMost(DedupFixtures.WAIT).until(() -> announcementsOf(erasure.erasureId()), done -> !done.isEmpty())
                .get(0);
    }

    private List<ErasureDone> announcementsOf(UUID erasureId) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readAllValues(Topics.PEOPLE_ERASURES_DONE, ErasureDone.class).stream()
                    .filter(done -> done.erasureId().equals(erasureId)).toList();
        }
    }

    /** Every text column of every table of the schema ({@code table.column}) where something of the person is. */
    private List<String> tracesOf(Person person) throws SQLException {
        List<String> traces = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = 'dedup' and data_type in ('text', 'character varying', 'json', 'jsonb')""");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertThat(columns).as("the scan sees the signature table").isNotEmpty();
            for (String[] column : columns) {
                String sql = "select count(*) from dedup.\"%s\" where exists (select 1 from unnest(?::text[]) as n(trace)"
                        .formatted(column[0]) + " where strpos(lower(\"%s\"::text), lower(n.trace)) > 0)".formatted(column[1]);
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setArray(1, connection.createArrayOf("text", person.traces().toArray()));
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            traces.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return traces;
    }

    /** The counted (accepted) signatures of each petition. */
    private Map<String, Long> counted(String... slugs) throws SQLException {
        Map<String, Long> counted = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from dedup.signature where petition_slug = ? and status = 'accepted'")) {
            for (String slug : slugs) {
                query.setString(1, slug);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    counted.put(slug, row.getLong(1));
                }
            }
        }
        return counted;
    }

    private Map<String, Object> columns(UUID submissionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select * from dedup.signature where submission_id = ?")) {
            query.setObject(1, submissionId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a stored signature " + submissionId).isTrue();
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.put(row.getMetaData().getColumnName(i), row.getObject(i));
                }
                return columns;
            }
        }
    }

    private void hold(UUID submissionId, String reason) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update dedup.signature set status = 'held', status_reason = ? where submission_id = ?")) {
            update.setString(1, reason);
            update.setObject(2, submissionId);
            assertThat(update.executeUpdate()).isOne();
        }
    }

    /** A signer whose every detail is unique to them, so a scan can tell their traces from anyone else's. */
    private record Person(String email, String givenName, String familyName, String postalCode, String comment,
            String ip, String userAgent, String referrer) {

        static Person random() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return new Person("erase-" + id + "@example.org", "Given" + id, "Family" + id,
                    "20500-%04d".formatted(random.nextInt(10_000)), "my comment " + id,
                    "2001:db8:%x:%x::7".formatted(random.nextInt(1, 0xffff), random.nextInt(1, 0xffff)),
                    "agent " + id, "https://referrer.example/" + id);
        }

        SubmittedSignature signs(String slug, boolean household, Instant receivedAt) {
            return new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, "Title", "intake-hash",
                    new Signer(givenName, familyName, email, postalCode, "US"), comment, new Consent(true, "v1", "en"),
                    new RequestFacts(receivedAt, ip, userAgent, referrer), household);
        }

        List<String> traces() {
            return List.of(email, givenName, familyName, postalCode, comment, ip, userAgent, referrer);
        }
    }
}
