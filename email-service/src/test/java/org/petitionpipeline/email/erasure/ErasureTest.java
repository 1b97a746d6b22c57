package org.petitionpipeline.email.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.kafka.DeadLetters;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String TEXT_COLUMNS = """
            select table_name, column_name from information_schema.columns
            where table_schema = 'email' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
            order by table_name, column_name""";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    /** Everything personal a signer gives, each value unique to this run and never made of hex digits alone. */
    private record Person(String hash, String email, String givenName, String familyName, String postalCode,
            String clientIp, String userAgent, String referrer, String comment) {

        static Person random(String name) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            int octet = 1 + Math.floorMod(tag.hashCode(), 250);
            return new Person(newHash(), name + "-" + tag + "@example.org", "Given" + name + tag, "Family" + name + tag,
                    "ZQ " + tag, "198.51." + octet + ".77", "Agent/" + name + tag,
                    "https://referrer.example/" + name + tag, "Comment of " + name + tag);
        }

        List<String> traces() {
            return List.of(email, givenName, familyName, postalCode, clientIp, userAgent, referrer, comment);
        }

        AcceptedSignature signs(String petitionSlug, Instant acceptedAt) {
            return new AcceptedSignature(EventSchema.VERSION, UUID.randomUUID(), petitionSlug, "Save the " + petitionSlug,
                    hash, new Signer(givenName, familyName, email, postalCode, "US"), comment, new Consent(true, "v1", "en"),
                    new RequestFacts(acceptedAt.minusSeconds(1), clientIp, userAgent, referrer), "US-DC", acceptedAt);
        }
    }

    @Test
    void erasureLeavesNoTraceOfThePersonKeepsTheCountsAndTouchesNobodyElse() throws Exception {
        Person erased = Person.random("erased");
        Person other = Person.random("other");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<String> petitions = List.of("erasure-a", "erasure-b", "erasure-c");
            for (String petition : petitions) {
                sign(kafka, erased.signs(petition, Instant.now()));
            }
            sign(kafka, other.signs("erasure-a", Instant.now()));
            awaitMail(erased.email(), 3);
            awaitMail(other.email(), 1);
            String mailing = queueMailingTo(erased, other);
            queueUnsentMailTo(erased);
            String sentBefore = sentReceiptsOf(erased.hash());

            PersonErasure erasure = erase(kafka, erased, Instant.now());
            ErasureDone done = awaitDone(kafka, erasure);

            assertThat(done.service()).isEqualTo("email-service");
            assertThat(done.emailHash()).isEqualTo(erased.hash());
            // the person, 3 consents, 4 queued messages (3 receipts, the unsent one), a mailing recipient, a confirmation
            assertThat(done.records()).isEqualTo(10);
            assertThat(tracesOf(erased)).as("columns of schema email holding the erased person's data").isEmpty();
            assertThat(queryText(dataSource, "select count(*) from email.person where email_hash = ? and email is null "
                    + "and erased_at is not null", erased.hash())).as("the hash stays, as the suppression entry")
                    .isEqualTo("1");
            assertThat(sentReceiptsOf(erased.hash())).as("mail sent stays counted").isEqualTo(sentBefore)
                    .isEqualTo("3");
            assertThat(queryText(dataSource, "select status from email.outbox where email_hash = ? and reference = ?",
                    erased.hash(), "unsent")).isEqualTo("SKIPPED");
            assertThat(queryText(dataSource, """
                    select string_agg(email_hash || '=' || status, ',' order by status) from email.mailing_recipient
                    where mailing_id = ?::uuid""", mailing))
                    .isEqualTo(other.hash() + "=PENDING," + erased.hash() + "=SKIPPED");
            assertThat(queryText(dataSource, "select next_reminder_at is null from email.confirmation "
                    + "where email_hash = ?", erased.hash())).isEqualTo("t");
            assertThat(tracesOf(other)).as("the other person's data").contains(
                    "person.email: " + other.email(), "consent.client_ip: " + other.clientIp(),
                    "consent.source_url: " + other.referrer(), "outbox.given_name: " + other.givenName(),
                    "mailing_recipient.last_error: 550 unknown user " + other.email());

            kafka.send(Topics.PEOPLE_ERASURES, erasure.emailHash(), erasure);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> doneOf(kafka, erasure).size() == 1);
            assertThat(queryText(dataSource, "select count(*) from email.erasure_done where erasure_id = ?",
                    erasure.erasureId())).as("a replay is recognized, changes and announces nothing").isEqualTo("1");
            assertThat(tracesOf(erased)).isEmpty();
            assertThat(mailTo(erased.email())).hasSize(3);
        }
    }

    @Test
    void aLateSignatureFromBeforeTheErasureMailsNothingAndOneAfterItMailsAgain() throws Exception {
        Person person = Person.random("returning");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            sign(kafka, person.signs("erasure-first", Instant.now()));
            awaitMail(person.email(), 1);
            Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            awaitDone(kafka, erase(kafka, person, requestedAt));

            AcceptedSignature late = person.signs("erasure-late", requestedAt.minusSeconds(60));
            kafka.send(Topics.SIGNATURES_ACCEPTED, late.key(), late);
            // behind it in its partition: once this one is mailed, the late one has been handled
            Person marker = Person.random("marker");
            kafka.send(Topics.SIGNATURES_ACCEPTED, late.key(), marker.signs("erasure-late", Instant.now()));
            awaitMail(marker.email(), 1);

            assertThat(mailTo(person.email())).as("no receipt for a signature from before the erasure").hasSize(1);
            assertThat(tracesOf(person)).isEmpty();
            assertThat(queryText(dataSource, "select count(*) from email.outbox where reference = ?",
                    late.signatureId().toString())).isEqualTo("0");

            AcceptedSignature again = person.signs("erasure-again", Instant.now());
            sign(kafka, again);
            awaitMail(person.email(), 2);
            assertThat(queryText(dataSource, "select email || ' ' || (erased_at is null) from email.person "
                    + "where email_hash = ?", person.hash())).isEqualTo(person.email() + " true");
            assertThat(queryText(dataSource, "select client_ip from email.consent where signature_id = ?::uuid",
                    again.signatureId().toString())).isEqualTo(person.clientIp());
        }
    }

    @Test
    void anErasureWithoutItsRequestTimeGoesToTheDeadLetterTopic() {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PEOPLE_ERASURES, hash,
                    new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), hash, null));
            await().atMost(WAIT).until(() -> deadLettersFor(kafka, hash).size() == 1);
            assertThat(new String(deadLettersFor(kafka, hash).get(0).headers().lastHeader(DeadLetters.REASON_HEADER)
                    .value())).contains("requested_at");
        }
    }

    @Test
    void aPetitionWhoseRetentionRanOutLosesItsSignersDataAndOnlyWhoSignedNothingElseLosesTheAddress() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String retained = "retention-" + tag;
        String other = "retention-other-" + tag;
        Person onlyThis = Person.random("only");
        Person both = Person.random("both");
        String mailing = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            sign(kafka, onlyThis.signs(retained, Instant.now()));
            sign(kafka, both.signs(retained, Instant.now()));
            sign(kafka, both.signs(other, Instant.now()));
            awaitMail(onlyThis.email(), 1);
            awaitMail(both.email(), 2);
            assertThat(queryText(dataSource, "select count(*) from email.outbox where petition_slug = ?", retained))
                    .as("signer mail knows its petition").isEqualTo("2");
            update(dataSource, """
                    insert into email.mailing (id, petition_slug, subject, html_body, text_body, status, created_at)
                    values (?::uuid, ?, 'News', '<p>News</p>', 'News', 'QUEUED', now())""", mailing, retained);
            update(dataSource, """
                    insert into email.mailing_recipient (mailing_id, email_hash, next_attempt_at, last_error)
                    values (?::uuid, ?, now() + interval '1 hour', '550 unknown user ' || ?)""", mailing,
                    onlyThis.hash(), onlyThis.email());
            update(dataSource, """
                    insert into email.outbox (kind, email_hash, reference, given_name, petition_title, petition_slug,
                        created_at, next_attempt_at)
                    values ('CONFIRMATION_REMINDER', ?, 'unsent-retention', ?, 'Save it', ?, now(),
                        now() + interval '1 hour')""", both.hash(), both.givenName(), retained);

            PetitionAnonymized anonymized = new PetitionAnonymized(EventSchema.VERSION, retained,
                    Instant.now().minus(30, ChronoUnit.DAYS), Instant.now());
            kafka.send(Topics.PETITIONS_ANONYMIZED, retained, anonymized);
            await().atMost(WAIT).until(() -> tracesOf(onlyThis).isEmpty());
            kafka.send(Topics.PETITIONS_ANONYMIZED, retained, anonymized);
        }

        assertThat(queryText(dataSource, "select count(*) from email.person where email_hash = ? and email is null "
                + "and erased_at is not null", onlyThis.hash())).as("nothing else signed: only the hash stays")
                .isEqualTo("1");
        assertThat(queryText(dataSource, "select email from email.person where email_hash = ?", both.hash()))
                .as("another petition signed: the address stays").isEqualTo(both.email());
        assertThat(queryText(dataSource, "select count(*) from email.consent where petition_slug = ?", retained))
                .isEqualTo("0");
        assertThat(queryText(dataSource, "select count(*) from email.consent where petition_slug = ?", other))
                .isEqualTo("1");
        assertThat(queryText(dataSource, "select count(*) from email.outbox where petition_slug = ? "
                + "and (given_name is not null or petition_title is not null)", retained)).isEqualTo("0");
        assertThat(queryText(dataSource, "select given_name from email.outbox where petition_slug = ?", other))
                .isEqualTo(both.givenName());
        assertThat(queryText(dataSource, "select status from email.outbox where reference = 'unsent-retention' "
                + "and email_hash = ?", both.hash())).as("pending mail is cancelled").isEqualTo("SKIPPED");
        assertThat(queryText(dataSource, "select status || coalesce(last_error, '') from email.mailing_recipient "
                + "where mailing_id = ?::uuid", mailing)).isEqualTo("SKIPPED");
        assertThat(tracesOf(both)).as("what the other petition keeps of the signer of both").contains(
                "person.email: " + both.email(), "outbox.given_name: " + both.givenName());
    }

    private static void sign(KafkaTestClient kafka, AcceptedSignature signature) {
        kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
    }

    private static PersonErasure erase(KafkaTestClient kafka, Person person, Instant requestedAt) {
        PersonErasure erasure = new PersonErasure(EventSchema.VERSION, UUID.randomUUID(), person.hash(), requestedAt);
        kafka.send(Topics.PEOPLE_ERASURES, person.hash(), erasure);
        return erasure;
    }

    private static ErasureDone awaitDone(KafkaTestClient kafka, PersonErasure erasure) {
        await().atMost(WAIT).until(() -> !doneOf(kafka, erasure).isEmpty());
        return doneOf(kafka, erasure).get(0);
    }

    private static List<ErasureDone> doneOf(KafkaTestClient kafka, PersonErasure erasure) {
        return kafka.readAllValues(Topics.PEOPLE_ERASURES_DONE, ErasureDone.class).stream()
                .filter(done -> done.erasureId().equals(erasure.erasureId())).toList();
    }

    private static List<ConsumerRecord<String, String>> deadLettersFor(KafkaTestClient kafka, String hash) {
        return kafka.read(Topics.deadLetterOf(Topics.PEOPLE_ERASURES), 1, Duration.ofSeconds(2)).stream()
                .filter(record -> hash.equals(record.key())).toList();
    }

    private String sentReceiptsOf(String hash) throws SQLException {
        return queryText(dataSource, "select count(*) from email.outbox where email_hash = ? and status = 'SENT'", hash);
    }

    /** An organizer update not due yet, to both: the worker leaves it alone during the test. */
    private String queueMailingTo(Person erased, Person other) throws SQLException {
        String mailing = UUID.randomUUID().toString();
        update(dataSource, """
                insert into email.mailing (id, petition_slug, subject, html_body, text_body, status, created_at)
                values (?::uuid, 'erasure-a', 'News', '<p>News</p>', 'News', 'QUEUED', now())""", mailing);
        for (Person person : List.of(erased, other)) {
            update(dataSource, """
                    insert into email.mailing_recipient (mailing_id, email_hash, next_attempt_at, last_error)
                    values (?::uuid, ?, now() + interval '1 hour', '550 unknown user ' || ?)""", mailing,
                    person.hash(), person.email());
        }
        return mailing;
    }

    /** A reminder waiting to be queued and a message waiting for a retry, each naming the person. */
    private void queueUnsentMailTo(Person person) throws SQLException {
        update(dataSource, """
                insert into email.outbox (kind, email_hash, reference, given_name, petition_title, last_error,
                    created_at, next_attempt_at)
                values ('SIGNATURE_RECEIPT', ?, 'unsent', ?, 'Save the erasure-b', '550 no such user ' || ?, now(),
                    now() + interval '1 hour')""", person.hash(), person.givenName(), person.email());
        update(dataSource, """
                insert into email.confirmation (signature_id, email_hash, petition_slug, given_name, petition_title,
                    requested_at, next_reminder_at)
                values (gen_random_uuid(), ?, 'erasure-c', ?, 'Save the erasure-c', now(), now() + interval '1 hour')""",
                person.hash(), person.givenName());
    }

    /** "table.column: value" of every text column in schema email holding one of the person's data. */
    private List<String> tracesOf(Person person) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement columns = connection.prepareStatement(TEXT_COLUMNS);
                ResultSet column = columns.executeQuery()) {
            while (column.next()) {
                String table = column.getString(1);
                String name = column.getString(2);
                for (String trace : person.traces()) {
                    try (PreparedStatement scan = connection.prepareStatement("select \"" + name + "\"::text from email.\""
                            + table + "\" where position(lower(?) in lower(\"" + name + "\"::text)) > 0")) {
                        scan.setString(1, trace);
                        try (ResultSet hits = scan.executeQuery()) {
                            while (hits.next()) {
                                found.add(table + "." + name + ": " + hits.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
