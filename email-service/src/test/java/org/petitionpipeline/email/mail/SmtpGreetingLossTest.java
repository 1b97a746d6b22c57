package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * behind it moves on, and is sent once when its turn comes again.
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

    private static void sign(KafkaTestClient kafka, AcceptedSignature signature) {
        kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
    }
}
