package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * An SMTP conversation whose greeting is lost (the server waits for EHLO, the client for 220) fails after
 * {@code email.smtp-timeout} and goes the way of any refusal: its message waits out a backoff while the queue
 * behind it moves on, and is sent once when its turn comes again. In a group of messages handed over together, it
 * fails its own message only: the rest of the group, sent over the other connections, is recorded sent, not
 * uncertain.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(value = SmtpFaultTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "email.smtp-timeout", value = "2s"))
class SmtpGreetingLossTest {

    private static final String RECEIPT = "from email.outbox where kind = 'SIGNATURE_RECEIPT' and email_hash = ?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aSendWhoseGreetingIsLostTimesOutIsRetriedLaterAndDoesNotHoldUpTheQueue() throws Exception {
        String stalled = "greeting.lost@example.org";
        String stalledHash = newHash();
        String behind = "queued.behind@example.org";
        String behindHash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            SmtpFaultTestResource.proxy().loseGreetings(true);
            sign(kafka, accepted(stalled, stalledHash, true));

            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(queryText(dataSource,
                    "select attempts " + RECEIPT, stalledHash)));
            assertThat(queryText(dataSource, "select status " + RECEIPT, stalledHash)).isEqualTo("PENDING");
            assertThat(queryText(dataSource, "select last_error " + RECEIPT, stalledHash))
                    .isEqualTo("the SMTP server did not answer within 2000 ms");
            assertThat(queryText(dataSource, "select next_attempt_at > now() + interval '20 seconds' " + RECEIPT,
                    stalledHash)).as("waits out the first backoff").isEqualTo("t");

            SmtpFaultTestResource.proxy().loseGreetings(false);
            sign(kafka, accepted(behind, behindHash, true));
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(behind).size() == 1);
            assertThat(mailTo(stalled)).as("still waiting for its next attempt").isEmpty();

            // as if its backoff had run out
            update(dataSource, "update email.outbox set next_attempt_at = now()"
                    + " where kind = 'SIGNATURE_RECEIPT' and email_hash = ?", stalledHash);
            await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(queryText(dataSource,
                    "select status " + RECEIPT, stalledHash)));
            assertThat(mailTo(stalled)).hasSize(1);
        }
    }

    @Test
    void aFailureInAGroupFailsItsOwnMessageOnlyAndTheRestOfTheGroupIsRecordedSent() throws Exception {
        List<String> addresses = List.of("group.first@example.org", "group.second@example.org",
                "group.third@example.org", "group.fourth@example.org");
        List<String> hashes = new ArrayList<>();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (String address : addresses) {
                String hash = newHash();
                hashes.add(hash);
                subscribe(kafka, dataSource, address, hash);
            }
        }
        Object hashArray = hashes.toArray(String[]::new);
        SmtpFaultTestResource.proxy().loseGreetingOfConnection(2);
        // four due messages in one statement: one claim, one group, each message on a connection of its own
        update(dataSource, """
                insert into email.outbox (kind, email_hash, reference, given_name, petition_title, created_at,
                    next_attempt_at)
                select 'SIGNATURE_RECEIPT', hash, gen_random_uuid()::text, 'Group', 'Tell the Attorney General: resign',
                    now(), now()
                from unnest(?::text[]) as h(hash)""", hashArray);

        String group = "from email.outbox where given_name = 'Group' and email_hash = any(?)";
        await().atMost(Duration.ofSeconds(30)).until(() -> "3".equals(queryText(dataSource,
                "select count(*) " + group + " and status = 'SENT'", hashArray)));
        assertThat(queryText(dataSource, "select string_agg(status || ' ' || attempts || ' '"
                + " || (handed_over_at is null), ',') " + group + " and status <> 'SENT'", hashArray))
                .as("the one that failed waits out its backoff, not marked as handed over").isEqualTo("PENDING 1 true");
        assertThat(queryText(dataSource, "select max(attempts) " + group + " and status = 'SENT'", hashArray))
                .as("sent at the first attempt").isEqualTo("0");
        assertThat(addresses.stream().mapToInt(address -> mailTo(address).size()).sum())
                .as("the four receipts of signing, and three of the group, each once").isEqualTo(7);
    }

    private static void sign(KafkaTestClient kafka, AcceptedSignature signature) {
        kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
    }
}
