package org.petitionpipeline.email.receipts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.changesOf;
import static org.petitionpipeline.email.MailFixtures.hashOf;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.signedAt;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.unsubscribePath;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.OtherInstanceLock;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SignatureMailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void everySignerGetsOneReceiptAndOnlyOptedInSignersAnUnsubscribeLink() throws Exception {
        AcceptedSignature optedIn = accepted("ann@example.org", hashOf('a'), true);
        AcceptedSignature notOptedIn = accepted("bob@example.org", hashOf('b'), false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, optedIn.key(), optedIn);
            kafka.send(Topics.SIGNATURES_ACCEPTED, notOptedIn.key(), notOptedIn);
            kafka.send(Topics.SIGNATURES_ACCEPTED, optedIn.key(), optedIn);
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("ann@example.org").size() == 1
                && mailTo("bob@example.org").size() == 1);
        // a replayed signature must not bring a second receipt: give the sender a few more rounds
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(mailTo("ann@example.org")).hasSize(1);

        MimeMessage ann = mailTo("ann@example.org").get(0);
        assertThat(ann.getSubject()).isEqualTo("Thank you for signing: Tell the Attorney General: resign");
        assertThat(ann.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe?token=");
        assertThat(ann.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(ann.getMessageID()).isEqualTo("<signature_receipt." + optedIn.signatureId() + "@localhost>");
        assertThat(body(ann)).contains("/unsubscribe?token=");

        MimeMessage bob = mailTo("bob@example.org").get(0);
        assertThat(bob.getHeader("List-Unsubscribe")).isNull();
        assertThat(body(bob)).doesNotContain("unsubscribe?token=");
    }

    @Test
    void aLateOptInDoesNotUndoAnUnsubscribeButANewerOneResubscribes() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "cat@example.org", hashOf('c'));
            given().post(unsubscribePath(mailTo("cat@example.org").get(0))).then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> changesOf(kafka, hashOf('c')).size() == 2);

            // an opt-in given before the unsubscribe, arriving late (consumer lag), must not undo it; the signer
            // still gets the receipt of that signature (transactional), without an unsubscribe link
            AcceptedSignature olderOptIn = signedAt("cat@example.org", hashOf('c'), Instant.now().minusSeconds(3600));
            kafka.send(Topics.SIGNATURES_ACCEPTED, olderOptIn.key(), olderOptIn);
            await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(queryText(dataSource,
                    "select status from email.outbox where reference = ?", olderOptIn.signatureId().toString())));
            assertThat(mailTo("cat@example.org")).hasSize(2);
            assertThat(mailTo("cat@example.org").get(1).getHeader("List-Unsubscribe")).isNull();
            assertThat(changesOf(kafka, hashOf('c'))).hasSize(2);
            // a new opt-in, given after the unsubscribe, is a new consent
            AcceptedSignature newerOptIn = signedAt("cat@example.org", hashOf('c'), Instant.now().plusSeconds(1));
            kafka.send(Topics.SIGNATURES_ACCEPTED, newerOptIn.key(), newerOptIn);
            await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(kafka, hashOf('c')).size() >= 3
                    && mailTo("cat@example.org").size() == 3);
            assertThat(changesOf(kafka, hashOf('c'))).extracting(SubscriptionChange::status)
                    .containsExactly(SubscriptionStatus.SUBSCRIBED, SubscriptionStatus.UNSUBSCRIBED,
                            SubscriptionStatus.SUBSCRIBED);
        }
    }

    @Test
    void poisonIsSetAsideAndTheSignerAfterItStillGetsMail() {
        AcceptedSignature after = accepted("dan@example.org", hashOf('e'), false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.sendRaw(Topics.SIGNATURES_ACCEPTED, "demo:garbage", "[1, 2");
            kafka.send(Topics.SIGNATURES_ACCEPTED, after.key(), after);

            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("dan@example.org").size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.SIGNATURES_ACCEPTED), 1000, Duration.ofMillis(500)).stream()
                    .anyMatch(record -> record.key().equals("demo:garbage")));
        }
    }

    @Test
    void whileAnotherInstanceRelaysThisOneLeavesTheChangesAlone() throws Exception {
        AcceptedSignature signature = accepted("eve@example.org", hashOf('f'), true);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            try (OtherInstanceLock otherInstance = OtherInstanceLock.holding(dataSource, LockKeys.SUBSCRIPTION_RELAY)) {
                kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
                await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("eve@example.org").size() == 1);
                assertThat(changesOf(kafka, hashOf('f'))).as("relayed while another instance holds the lock").isEmpty();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> changesOf(kafka, hashOf('f')).size() == 1);
        }
    }

    @Test
    void opsCanScrapePrometheusMetrics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("kafka_consumer"));
    }

    /** The dashboard's and the alerts' uncertain count needs the series before anything is ever uncertain. */
    @Test
    void uncertainMessagesAreCountedOnTheMetricsFromStart() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("email_messages_uncertain_total"));
    }

    /** Likewise the backlog gauges: an alert on a growing queue needs both series from the start. */
    @Test
    void theMailBacklogIsOnTheMetricsFromStart() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("email_queue_waiting{queue=\"mail\""))
                .body(containsString("email_queue_waiting{queue=\"organizer_updates\""));
    }
}
