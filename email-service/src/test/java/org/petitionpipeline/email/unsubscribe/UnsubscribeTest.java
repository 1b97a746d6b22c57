package org.petitionpipeline.email.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.petitionpipeline.email.MailFixtures.changesOf;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.settledChangesOf;
import static org.petitionpipeline.email.MailFixtures.statusOf;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.unsubscribePath;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.kit.tokens.SignedTokens;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class UnsubscribeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void openingTheLinkOnlyShowsAButtonAndTheButtonUnsubscribesAtOnce() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "gil@example.org", hash);
            String link = unsubscribePath(mailTo("gil@example.org").get(0));

            // what a link scanner or a preview does: twice, and nothing may change
            for (int scan = 0; scan < 2; scan++) {
                given().accept("text/html").get(link).then().statusCode(200)
                        .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                        .body(containsString("Unsubscribe from campaign email?"))
                        .body(containsString("<form method=\"post\""));
            }
            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");

            Response done = given().redirects().follow(false).accept("text/html").post(link);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.header("Location")).isNull();
            assertThat(done.header("Set-Cookie")).isNull();
            assertThat(done.body().asString()).contains("You are unsubscribed");
            assertThat(statusOf(dataSource, hash)).as("unsubscribed before the answer").isEqualTo("UNSUBSCRIBED");

            given().post(link).then().statusCode(200).body(containsString("You are unsubscribed"));
            List<SubscriptionChange> changes = settledChangesOf(kafka, hash, 2);
            assertThat(changes).extracting(SubscriptionChange::status)
                    .containsExactly(SubscriptionStatus.SUBSCRIBED, SubscriptionStatus.UNSUBSCRIBED);
            assertThat(changes.get(1).source()).isEqualTo("unsubscribe-page");
        }
    }

    @Test
    void aMailClientsOneClickPostUnsubscribesWithoutCookiesOrRedirect() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "hal@example.org", hash);

            // RFC 8058 §3.1: the client POSTs this body to the List-Unsubscribe URI, with no cookies and no Accept
            Response done = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .body("List-Unsubscribe=One-Click").post(unsubscribePath(mailTo("hal@example.org").get(0)));

            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.header("Set-Cookie")).isNull();
            assertThat(statusOf(dataSource, hash)).isEqualTo("UNSUBSCRIBED");
            assertThat(settledChangesOf(kafka, hash, 2).get(1).source()).isEqualTo("one-click");
        }
    }

    @Test
    void anExpiredLinkIsRefusedAsGoneAndChangesNothing() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "ida@example.org", hash);
            String expired = "/unsubscribe?token=" + tokens.issueExpiringAt(hash, Instant.now().minusSeconds(1));

            given().accept("text/html").get(expired).then().statusCode(410).contentType("text/html")
                    .body(containsString("This unsubscribe link has expired"));
            given().accept("text/html").post(expired).then().statusCode(410).contentType("text/html");
            given().accept("application/json").post(expired).then().statusCode(410)
                    .contentType("application/problem+json").body("detail", containsString("expired"));

            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");
        }
    }

    @Test
    void changingAnyOneCharacterOfATokenMakesItInvalid() {
        String token = tokens.issue(newHash());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int position = 0; position < token.length(); position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement != token.charAt(position)) {
                    String altered = token.substring(0, position) + replacement + token.substring(position + 1);
                    assertThat(tokens.verify(altered).verdict()).as(altered).isEqualTo(SignedTokens.Verdict.INVALID);
                }
            }
        }
    }

    @Test
    void forgedAlteredOrMangledTokensAreRefusedAndChangeNothing() throws Exception {
        String hash = newHash();
        String victim = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "jonas@example.org", hash);
            subscribe(kafka, dataSource, "kim@example.org", victim);
            String token = tokens.issue(hash);
            String victimsPayload = tokens.issue(victim).substring(0, token.indexOf('.'));
            String lastChar = token.substring(token.length() - 1);
            List<String> refused = List.of(
                    token.substring(0, token.length() - 1) + (lastChar.equals("A") ? "B" : "A"),
                    victimsPayload + token.substring(token.indexOf('.')),
                    token.substring(0, token.length() - 4),
                    token.replace(".", ""),
                    hash + ".bm90LWEtcmVhbC1zaWduYXR1cmU",
                    "", ".", "nonsense", "%00%0d%0a", "a".repeat(2000));

            for (String forged : refused) {
                given().accept("text/html").queryParam("token", forged).get("/unsubscribe").then().statusCode(400)
                        .contentType("text/html").body(containsString("This unsubscribe link is not valid"));
                given().accept("text/html").queryParam("token", forged).post("/unsubscribe").then().statusCode(400);
                given().accept("application/json").queryParam("token", forged).post("/unsubscribe").then()
                        .statusCode(400).contentType("application/problem+json").body("status", is(400));
            }
            given().post("/unsubscribe").then().statusCode(400);

            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");
            assertThat(statusOf(dataSource, victim)).isEqualTo("SUBSCRIBED");
            assertThat(changesOf(kafka, victim)).hasSize(1);
        }
    }
}
