package org.petitionpipeline.email.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.petitionpipeline.email.MailFixtures.queryText;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** Each link mail goes to whatever address is typed: one client address may ask only so often, on either page. */
@QuarkusTest
@TestProfile(PrivacyFormLimitTest.TwoAtOnce.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class PrivacyFormLimitTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("email.privacy-forms.burst", "2", "email.privacy-forms.per-minute", "1");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aClientAskingTooOftenIsToldToWaitAndNothingIsMailedWhileOthersAreServed() throws Exception {
        assertThat(ask("/privacy/erase", "198.51.100.7", "first@example.org").statusCode()).isEqualTo(200);
        assertThat(ask("/privacy/export", "198.51.100.7", "second@example.org").statusCode()).isEqualTo(200);

        Response refused = ask("/privacy/erase", "198.51.100.7", "third@example.org");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(queryText(dataSource, "select count(*) from email.outbox where recipient_email = ?",
                "third@example.org")).isEqualTo("0");

        assertThat(ask("/privacy/erase", "198.51.100.8", "third@example.org").statusCode())
                .as("another client address has its own allowance").isEqualTo(200);
        given().contentType("application/x-www-form-urlencoded").formParam("email", "fourth@example.org")
                .header("X-Forwarded-For", "198.51.100.7").accept("text/html").post("/privacy/export")
                .then().statusCode(429).header("Cache-Control", "no-store");
    }

    private static Response ask(String page, String client, String address) {
        return given().contentType("application/x-www-form-urlencoded").formParam("email", address)
                .header("X-Forwarded-For", client).accept("application/json").post(page);
    }
}
