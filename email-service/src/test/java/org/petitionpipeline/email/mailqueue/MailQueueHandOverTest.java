package org.petitionpipeline.email.mailqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * A sender killed mid-round leaves its claimed messages behind. Those it had not begun to hand to the SMTP server
 * are sent by whoever takes the stale claim over; the one it was handing over may have reached the server, so it
 * is set aside, never sent twice.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailQueueHandOverTest {

    /* What a sender that died an hour ago left: its claim, and for one message the start of the hand-over. */
    private static final String LEFT_BY_A_DEAD_SENDER = """
            insert into email.outbox (kind, email_hash, reference, given_name, petition_title, status, created_at,
                next_attempt_at, claim_token, claimed_at, handed_over_at)
            values ('SIGNATURE_RECEIPT', ?, ?, 'Jane', 'Tell the Attorney General: resign', 'SENDING',
                now() - interval '1 hour', now() - interval '1 hour', ?, now() - interval '1 hour',
                case when ? then now() - interval '1 hour' end)""";
    private static final String STATUS = "select status from email.outbox where reference = ?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aMessageCaughtInTheHandOverIsNotSentAgainWhileOneNotYetStartedIs() throws SQLException {
        String interrupted = "interrupted.handover@example.org";
        String notStarted = "not.started@example.org";
        String interruptedHash = newHash();
        String notStartedHash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, interrupted, interruptedHash);
            subscribe(kafka, dataSource, notStarted, notStartedHash);
        }
        String interruptedReference = UUID.randomUUID().toString();
        String notStartedReference = UUID.randomUUID().toString();
        UUID deadSendersClaim = UUID.randomUUID();
        update(dataSource, LEFT_BY_A_DEAD_SENDER, interruptedHash, interruptedReference, deadSendersClaim, true);
        update(dataSource, LEFT_BY_A_DEAD_SENDER, notStartedHash, notStartedReference, deadSendersClaim, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(queryText(dataSource, STATUS, notStartedReference))
                && "UNCERTAIN".equals(queryText(dataSource, STATUS, interruptedReference)));
        assertThat(mailTo(notStarted)).as("the receipt before and the one taken over").hasSize(2);
        assertThat(mailTo(interrupted)).as("only the receipt before").hasSize(1);
        assertThat(queryText(dataSource, "select last_error from email.outbox where reference = ?", interruptedReference))
                .contains("not sent again");
    }
}
