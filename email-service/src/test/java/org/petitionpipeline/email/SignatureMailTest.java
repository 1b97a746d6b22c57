package org.petitionpipeline.email;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.repository.RelayLock;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SignatureMailTest {

    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("https?://[^\\s\"<>]+/unsubscribe\\?token=[^\\s\"<>]+");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    static AcceptedSignature accepted(String email, String emailHash, boolean optIn) {
        return new AcceptedSignature(EventSchema.VERSION, UUID.randomUUID(), "demo", "Tell the Attorney General: resign",
                emailHash, new Signer("Jane", "Doe", email, "20500", "US"), null, new Consent(optIn, "v1"),
                new RequestFacts(Instant.now(), "203.0.113.7", "test", "https://news.example/story"), "US-DC", Instant.now());
    }

    static AcceptedSignature signedAt(String email, String emailHash, Instant signedAt) {
        AcceptedSignature signature = accepted(email, emailHash, true);
        return new AcceptedSignature(signature.schemaVersion(), signature.signatureId(), "other-petition",
                signature.petitionTitle(), emailHash, signature.signer(), null, signature.consent(),
                new RequestFacts(signedAt, "203.0.113.7", "test", null), signature.region(), signature.acceptedAt());
    }

    static String hashOf(char c) {
        return String.valueOf(c).repeat(64);
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SmtpTestResource.received().getReceivedMessages())
                .filter(message -> {
                    try {
                        return message.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

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
        assertThat(GreenMailUtil.getBody(ann)).contains("/unsubscribe?token=");

        MimeMessage bob = mailTo("bob@example.org").get(0);
        assertThat(bob.getHeader("List-Unsubscribe")).isNull();
        assertThat(GreenMailUtil.getBody(bob)).doesNotContain("unsubscribe?token=");
    }

    @Test
    void unsubscribeLinkShowsAButtonAndThePostUnsubscribesOnce() throws Exception {
        AcceptedSignature signature = accepted("cat@example.org", hashOf('c'), true);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("cat@example.org").size() == 1);

            Matcher link = UNSUBSCRIBE_LINK.matcher(
                    GreenMailUtil.getBody(mailTo("cat@example.org").get(0)));
            assertThat(link.find()).isTrue();
            String pathAndQuery = link.group().replaceFirst("https?://[^/]+", "").replace("=3D", "=");

            given().get(pathAndQuery).then().statusCode(200).body(containsString("<form method=\"post\""));
            await().atMost(Duration.ofSeconds(5)).until(() -> !changesOf(kafka, hashOf('c')).isEmpty());
            List<SubscriptionChange> beforePost = changesOf(kafka, hashOf('c'));
            assertThat(beforePost).extracting(SubscriptionChange::status).containsExactly(SubscriptionStatus.SUBSCRIBED);

            // RFC 8058 one-click: a POST with this body and no cookies, from the mail client
            given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                    .post(pathAndQuery).then().statusCode(200).body(containsString("You are unsubscribed"));
            given().post(pathAndQuery).then().statusCode(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> changesOf(kafka, hashOf('c')).size() >= 2);
            assertThat(changesOf(kafka, hashOf('c'))).extracting(SubscriptionChange::status)
                    .containsExactly(SubscriptionStatus.SUBSCRIBED, SubscriptionStatus.UNSUBSCRIBED);

            // an opt-in given before the unsubscribe, arriving late (consumer lag), must not undo it
            AcceptedSignature olderOptIn = signedAt("cat@example.org", hashOf('c'), Instant.now().minusSeconds(3600));
            kafka.send(Topics.SIGNATURES_ACCEPTED, olderOptIn.key(), olderOptIn);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("cat@example.org").size() == 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> changesOf(kafka, hashOf('c')).size() == 2);
            // a new opt-in, given after the unsubscribe, is a new consent
            AcceptedSignature newerOptIn = signedAt("cat@example.org", hashOf('c'), Instant.now().plusSeconds(1));
            kafka.send(Topics.SIGNATURES_ACCEPTED, newerOptIn.key(), newerOptIn);
            await().atMost(Duration.ofSeconds(15)).until(() -> changesOf(kafka, hashOf('c')).size() >= 3);
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
        try (Connection otherInstance = dataSource.getConnection();
                KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // the relay itself takes the lock every second, briefly: try until we hold it, with a bound
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (PreparedStatement lock = otherInstance.prepareStatement("select pg_try_advisory_lock(?)")) {
                    lock.setLong(1, RelayLock.SUBSCRIPTION_RELAY);
                    try (var acquired = lock.executeQuery()) {
                        return acquired.next() && acquired.getBoolean(1);
                    }
                }
            });
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("eve@example.org").size() == 1);
            assertThat(changesOf(kafka, hashOf('f'))).as("relayed while another instance holds the lock").isEmpty();

            try (PreparedStatement unlock = otherInstance.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, RelayLock.SUBSCRIPTION_RELAY);
                unlock.execute();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> changesOf(kafka, hashOf('f')).size() == 1);
        }
    }

    @Test
    void forgedOrAlteredTokensAreRefusedAndChangeNothing() {
        String forged = hashOf('d') + ".bm90LWEtcmVhbC1zaWduYXR1cmU";
        given().get("/unsubscribe?token=" + forged).then().statusCode(400)
                .body(containsString("This unsubscribe link is not valid"));
        given().post("/unsubscribe?token=" + forged).then().statusCode(400);
        given().post("/unsubscribe?token=nonsense").then().statusCode(400);
        given().post("/unsubscribe").then().statusCode(400);
    }

    private static List<SubscriptionChange> changesOf(KafkaTestClient kafka, String emailHash) {
        return kafka.readValues(Topics.SUBSCRIPTIONS, 1000, Duration.ofSeconds(1), SubscriptionChange.class).stream()
                .filter(change -> change.emailHash().equals(emailHash)).toList();
    }

    @Test
    void opsCanScrapePrometheusMetrics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("kafka_consumer"));
    }
}
