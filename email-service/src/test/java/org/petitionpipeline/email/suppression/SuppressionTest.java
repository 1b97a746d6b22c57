package org.petitionpipeline.email.suppression;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.header;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.settledChangesOf;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.signedAt;
import static org.petitionpipeline.email.MailFixtures.statusOf;
import static org.petitionpipeline.email.MailFixtures.subjectOf;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.unsubscribePath;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * The suppression list is read when a message's turn comes, not when it was queued. An unsubscribe stops
 * campaign mail only; a bounce or a complaint stops receipts and confirmation requests too.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SuppressionTest {

    private static final String OUTBOX_STATUS = "select status || ': ' || last_error from email.outbox where reference = ?";
    private static final String OUTBOX_STATUS_ONLY = "select status from email.outbox where reference = ?";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aCampaignMessageQueuedBeforeTheRecipientUnsubscribedIsSkippedAndCounted() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "lea@example.org", hash);
            String queued = queueDueIn("CONFIRMATION_REMINDER", hash, UUID.randomUUID() + ":1", Duration.ofSeconds(3));

            given().post(unsubscribePath(mailTo("lea@example.org").get(0))).then().statusCode(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> queryText(dataSource, OUTBOX_STATUS, queued) != null
                    && queryText(dataSource, OUTBOX_STATUS, queued).startsWith("SKIPPED"));
            assertThat(queryText(dataSource, OUTBOX_STATUS, queued)).isEqualTo("SKIPPED: recipient is UNSUBSCRIBED");
            assertThat(mailTo("lea@example.org")).hasSize(1);
            given().get("/q/metrics").then().statusCode(200).body(containsString(
                    "email_messages_skipped_total{kind=\"confirmation_reminder\",reason=\"unsubscribed\"}"));
        }
    }

    @Test
    void someoneWhoUnsubscribedAndSignsAgainGetsTheReceiptOfWhatTheyJustSigned() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "liv@example.org", hash);
            given().post(unsubscribePath(mailTo("liv@example.org").get(0))).then().statusCode(200);
            String queuedBeforeUnsubscribe = queueDueIn("SIGNATURE_RECEIPT", hash, UUID.randomUUID().toString(),
                    Duration.ZERO);

            AcceptedSignature another = accepted("another-petition", "liv@example.org", hash, false);
            kafka.send(Topics.SIGNATURES_ACCEPTED, another.key(), another);

            // a group of messages is recorded sent once the last of them is handed over
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("liv@example.org").size() == 3
                    && "SENT".equals(queryText(dataSource, OUTBOX_STATUS_ONLY, another.signatureId().toString()))
                    && "SENT".equals(queryText(dataSource, OUTBOX_STATUS_ONLY, queuedBeforeUnsubscribe)));
            for (MimeMessage receipt : mailTo("liv@example.org").subList(1, 3)) {
                assertThat(subjectOf(receipt)).startsWith("Thank you for signing");
                assertThat(header(receipt, "List-Unsubscribe")).as("an unsubscribed person has nothing to unsubscribe from")
                        .isNull();
            }
            assertThat(statusOf(dataSource, hash)).isEqualTo("UNSUBSCRIBED");
        }
    }

    @Test
    void aComplaintSuppressesReceiptsAndConfirmationRequestsToo() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "noa@example.org", hash);
            WebhookTest.report("complaint", "noa@example.org").then().statusCode(200);

            AcceptedSignature receipt = accepted("another-petition", "noa@example.org", hash, false);
            kafka.send(Topics.SIGNATURES_ACCEPTED, receipt.key(), receipt);
            String confirmation = queueDueIn("SIGNATURE_CONFIRMATION", hash, UUID.randomUUID().toString(),
                    Duration.ZERO);

            await().atMost(Duration.ofSeconds(15)).until(() -> "SKIPPED: recipient is SPAM_COMPLAINT".equals(
                    queryText(dataSource, OUTBOX_STATUS, receipt.signatureId().toString()))
                    && "SKIPPED: recipient is SPAM_COMPLAINT".equals(queryText(dataSource, OUTBOX_STATUS, confirmation)));
            assertThat(mailTo("noa@example.org")).hasSize(1);
        }
    }

    @Test
    void aHardBounceSuppressesAllMailAndNeitherANewOptInNorAnUnsubscribeLiftsIt() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "max@example.org", hash);
            String unsubscribeLink = unsubscribePath(mailTo("max@example.org").get(0));
            String queued = queueDueIn("SIGNATURE_RECEIPT", hash, UUID.randomUUID().toString(), Duration.ofSeconds(3));

            WebhookTest.report("hard_bounce", "max@example.org").then().statusCode(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> "SKIPPED: recipient is BOUNCING".equals(
                    queryText(dataSource, OUTBOX_STATUS, queued)));

            // a later opt-in on another petition neither re-subscribes a dead address nor mails it
            AcceptedSignature newOptIn = signedAt("max@example.org", hash, Instant.now().plusSeconds(1));
            kafka.send(Topics.SIGNATURES_ACCEPTED, newOptIn.key(), newOptIn);
            await().atMost(Duration.ofSeconds(15)).until(() -> "SKIPPED: recipient is BOUNCING".equals(
                    queryText(dataSource, OUTBOX_STATUS, newOptIn.signatureId().toString())));
            // and an unsubscribe from an old link must not turn it into an address an opt-in could revive
            given().post(unsubscribeLink).then().statusCode(200);

            assertThat(statusOf(dataSource, hash)).isEqualTo("BOUNCING");
            assertThat(mailTo("max@example.org")).hasSize(1);
            assertThat(settledChangesOf(kafka, hash, 2)).extracting(SubscriptionChange::status)
                    .containsExactly(SubscriptionStatus.SUBSCRIBED, SubscriptionStatus.BOUNCING);
        }
    }

    /**
     * A message waiting in the mail queue, as a second signature's would be: written here, with a due time in
     * the future, so that the test (not the sender's timing) decides what happens first.
     */
    private String queueDueIn(String kind, String emailHash, String reference, Duration due) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into email.outbox (kind, email_hash, reference, given_name, petition_title, created_at,
                            next_attempt_at)
                        values (?, ?, ?, 'Lea', 'Another petition', now(), now() + ?::interval)""")) {
            insert.setString(1, kind);
            insert.setString(2, emailHash);
            insert.setString(3, reference);
            insert.setString(4, due.toSeconds() + " seconds");
            insert.executeUpdate();
        }
        return reference;
    }
}
