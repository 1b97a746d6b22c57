package org.petitionpipeline.email.unsubscribe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * With PostgreSQL gone an unsubscribe is "try again in a moment" (503: a page for a browser, problem+json for
 * an API client), and works once it is back.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void anUnsubscribeDuringADatabaseOutageIsA503AndSucceedsOnceItIsBack() {
        String token = tokens.issue(MailFixtures.hashOf('d'));

        PostgresTestResource.stopDatabase();

        given().accept("text/html").post("/unsubscribe?token=" + token)
                .then().statusCode(503).contentType("text/html").header("Retry-After", "5")
                .body(containsString("Please try again in a moment"));
        given().accept("application/json").post("/unsubscribe?token=" + token)
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", containsString("try again"));

        PostgresTestResource.restartDatabase();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().post("/unsubscribe?token=" + token).then().statusCode(200));
    }
}
