package org.petitionpipeline.email.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.mailtoUnsubscribe;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.settledChangesOf;
import static org.petitionpipeline.email.MailFixtures.statusOf;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.unsubscribe.UnsubscribeMailboxTestResource.MAILBOX;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.MailFixtures.MailtoRequest;
import org.petitionpipeline.email.OtherInstanceLock;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** Unsubscribing by mail: requests sent to the List-Unsubscribe mailto, read by the service over IMAP. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UnsubscribeMailboxTestResource.class)
class MailtoUnsubscribeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void theMailtoOfAReceiptUnsubscribesOnceAndTheRequestIsDeleted() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "lou@example.org", hash);
            MailtoRequest request = mailtoUnsubscribe(mailTo("lou@example.org").get(0));
            assertThat(request.mailbox()).isEqualTo(MAILBOX);

            send(request.subject(), "");
            await().atMost(Duration.ofSeconds(15)).until(() -> "UNSUBSCRIBED".equals(statusOf(dataSource, hash)));
            awaitMailboxEmpty();
            // the client sends it again, or the reader runs on: nothing more changes
            send(request.subject(), "");
            awaitMailboxEmpty();

            List<SubscriptionChange> changes = settledChangesOf(kafka, hash, 2);
            assertThat(changes).extracting(SubscriptionChange::status)
                    .containsExactly(SubscriptionStatus.SUBSCRIBED, SubscriptionStatus.UNSUBSCRIBED);
            assertThat(changes.get(1).source()).isEqualTo("mailto");
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("email_mailto_unsubscribes_total{result=\"unsubscribed\"}"));
        }
    }

    @Test
    void whileAnotherInstanceReadsTheMailboxThisOneLeavesItAlone() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "ned@example.org", hash);
            try (OtherInstanceLock otherInstance = OtherInstanceLock.holding(dataSource,
                    LockKeys.UNSUBSCRIBE_MAILBOX)) {
                send("", "Unsubscribe " + tokens.issue(hash));
                // three rounds of the reader (one a second in tests) pass it by
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> "SUBSCRIBED".equals(statusOf(dataSource, hash)));
                assertThat(mailTo(MAILBOX)).as("the request waits for whoever holds the mailbox").hasSize(1);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> "UNSUBSCRIBED".equals(statusOf(dataSource, hash)));
            awaitMailboxEmpty();
        }
    }

    @Test
    void aTokenOnTheFirstLineOfTheTextIsEnoughWhenTheSubjectWasDropped() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "mae@example.org", hash);

            send("", "  Unsubscribe   " + tokens.issue(hash) + "\r\nsent from my phone");

            await().atMost(Duration.ofSeconds(15)).until(() -> "UNSUBSCRIBED".equals(statusOf(dataSource, hash)));
            awaitMailboxEmpty();
        }
    }

    @Test
    void forgedAlteredOrExpiredTokensChangeNothingAndTheRequestsAreDeleted() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "nell@example.org", hash);
            String token = tokens.issue(hash);
            String lastChar = token.substring(token.length() - 1);

            send("UNSUBSCRIBE " + token.substring(0, token.length() - 1) + (lastChar.equals("A") ? "B" : "A"), "");
            send("unsubscribe " + hash + ".bm90LWEtcmVhbC1zaWduYXR1cmU", "");
            send("unsubscribe " + tokens.issueExpiringAt(hash, Instant.now().minusSeconds(1)), "");
            send("please take me off your list", "thanks");
            awaitMailboxEmpty();

            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");
            assertThat(settledChangesOf(kafka, hash, 1)).hasSize(1);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("email_mailto_unsubscribes_total{result=\"invalid\"}"))
                    .body(containsString("email_mailto_unsubscribes_total{result=\"expired\"}"));
        }
    }

    private static void send(String subject, String text) {
        GreenMailUtil.sendTextEmail(MAILBOX, "someone@example.org", subject, text,
                SmtpTestResource.received().getSmtp().getServerSetup());
    }

    private static void awaitMailboxEmpty() {
        await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(MAILBOX).isEmpty());
    }
}
