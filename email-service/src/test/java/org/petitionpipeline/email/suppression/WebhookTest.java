package org.petitionpipeline.email.suppression;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.settledChangesOf;
import static org.petitionpipeline.email.MailFixtures.statusOf;
import static org.petitionpipeline.email.MailFixtures.subscribe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
public class WebhookTest {

    public static final String TOKEN = "test-email-webhook-token";
    private static final String WEBHOOK = "/api/webhooks/bounces";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    static Response report(String type, String email) {
        return given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"type\": \"" + type + "\", \"email\": \"" + email + "\", \"occurred_at\": \"2026-11-22T10:15:30Z\","
                        + " \"provider_event_id\": \"ignored\"}")
                .post(WEBHOOK);
    }

    @Test
    void withoutTheTokenNothingIsReportedAndNothingChanges() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "ned@example.org", hash);
            String body = "{\"type\": \"complaint\", \"email\": \"ned@example.org\"}";

            given().contentType("application/json").body(body).post(WEBHOOK).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
            given().auth().oauth2(TOKEN + "x").contentType("application/json").body(body).post(WEBHOOK)
                    .then().statusCode(401);
            given().header("Authorization", TOKEN).contentType("application/json").body(body).post(WEBHOOK)
                    .then().statusCode(401);

            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");
        }
    }

    @Test
    void aHardBounceThenAComplaintSuppressOncePublishOnceAndNeverWeakenAgain() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "ole@example.org", hash);

            report("hard_bounce", "Ole@Example.ORG").then().statusCode(200).body("result", is("suppressed"));
            assertThat(statusOf(dataSource, hash)).isEqualTo("BOUNCING");
            report("hard_bounce", "ole@example.org").then().statusCode(200).body("result", is("already_suppressed"));
            report("complaint", "ole@example.org").then().statusCode(200).body("result", is("suppressed"));
            report("hard_bounce", "ole@example.org").then().statusCode(200).body("result", is("already_suppressed"));

            assertThat(statusOf(dataSource, hash)).isEqualTo("SPAM_COMPLAINT");
            List<SubscriptionChange> changes = settledChangesOf(kafka, hash, 3);
            assertThat(changes).extracting(SubscriptionChange::status).containsExactly(SubscriptionStatus.SUBSCRIBED,
                    SubscriptionStatus.BOUNCING, SubscriptionStatus.SPAM_COMPLAINT);
            assertThat(changes).extracting(SubscriptionChange::source).containsExactly("signature", "hard-bounce",
                    "complaint");
        }
    }

    @Test
    void aSoftBounceOrAnUnknownAddressIsAcknowledgedAndSuppressesNobody() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "pam@example.org", hash);

            report("soft_bounce", "pam@example.org").then().statusCode(200).body("result", is("not_suppressed"));
            report("hard_bounce", "nobody-we-know@example.org").then().statusCode(200)
                    .body("result", is("unknown_recipient"));

            assertThat(statusOf(dataSource, hash)).isEqualTo("SUBSCRIBED");
            given().get("/q/metrics").then().body(containsString("email_delivery_reports_total{type=\"soft_bounce\"}"));
        }
    }

    @Test
    void malformedReportsAreRefusedWithAProblemThatSaysWhatToFix() {
        given().auth().oauth2(TOKEN).contentType("application/json").body("{}").post(WEBHOOK).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("type")).body("errors", hasKey("email"));
        given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"type\": \"bounce\", \"email\": \"a@example.org\"}").post(WEBHOOK).then()
                .statusCode(400).body("errors.type", containsString("hard_bounce, soft_bounce, complaint"));
        given().auth().oauth2(TOKEN).contentType("application/json")
                .body("{\"type\": \"complaint\", \"email\": \"a@example.org\\r\\nBcc: b@example.org\"}").post(WEBHOOK)
                .then().statusCode(422).body("errors", hasKey("email"));
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"type\": \"complaint\", \"email\": ")
                .post(WEBHOOK).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).contentType("application/json").body("[]").post(WEBHOOK).then().statusCode(400);
        given().auth().oauth2(TOKEN).contentType("application/json").body("null").post(WEBHOOK).then().statusCode(422);
        given().auth().oauth2(TOKEN).contentType("text/plain").body("complaint a@example.org").post(WEBHOOK).then()
                .statusCode(415);
    }
}
