package org.petitionpipeline.email.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subscribe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.ErasureDone;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PersonErasure;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.unsubscribe.UnsubscribeTokens;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.kit.people.PersonHashes;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Taking an erasure request: the signer's page and mailed link (GET shows, POST erases; the page never tells whether
 * an address is known), ops' authenticated API, and the request followed until every service reported done.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ErasureRequestTest {

    private static final String ADMIN_TOKEN = TestAccessTokens.operator();
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https?://[^/\\s\"]+(/privacy/erase/confirm\\?token=[^\\s\"<]+)");
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PersonHashes people;

    @Inject
    ErasureTokens tokens;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Test
    void everyMailToASignerLinksToThePagesWhereTheyCanDownloadAndEraseTheirData() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "footer@example.org", people.of("footer@example.org").orElseThrow());
            assertThat(body(mailTo("footer@example.org").get(0))).containsIgnoringCase("delete my data")
                    .contains("/privacy/erase").contains("Download my data").contains("/privacy/export");
        }
    }

    @Test
    void theMailedLinkOnlyShowsAButtonAndItsPostAsksEveryServiceToEraseThePersonOnce() throws Exception {
        given().accept("text/html").get("/privacy/erase").then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("<form method=\"post\" action=\"/privacy/erase?lang=en\""));
        askForLink("Jo.Ann+petitions@gmail.com").then().statusCode(200).body(containsString("Check your email"));
        String link = confirmLinkTo("jo.ann+petitions@gmail.com");
        // the same person at Gmail, however they spelled it when they signed
        String hash = people.of("joann@googlemail.com").orElseThrow();

        for (int scan = 0; scan < 2; scan++) {
            given().accept("text/html").get(link).then().statusCode(200).header("Referrer-Policy", "no-referrer")
                    .body(containsString("Erase your data?"));
        }
        assertThat(requestsOf(hash)).as("a link scanner erases nothing").isZero();

        given().accept("text/html").post(link).then().statusCode(200).body(containsString("being erased"));
        given().accept("text/html").post(link).then().statusCode(200);
        assertThat(requestsOf(hash)).as("confirmed twice, one erasure").isEqualTo(1);
        assertThat(queryText(dataSource, "select channel from email.erasure_request where email_hash = ?", hash))
                .isEqualTo("SIGNER");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            await().atMost(WITHIN).until(() -> erasuresOf(kafka, hash).size() == 1);
            assertThat(erasuresOf(kafka, hash).get(0).requestedAt()).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void theAnswerIsTheSameForAKnownAndAnUnknownAddress() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "known@example.org", people.of("known@example.org").orElseThrow());
        }
        Response known = askForLink("known@example.org");
        Response unknown = askForLink("nobody-" + UUID.randomUUID() + "@example.org");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body().asString()).isEqualTo(unknown.body().asString());
        assertThat(known.headers().asList()).extracting(Header::getName)
                .containsExactlyInAnyOrderElementsOf(unknown.headers().asList().stream().map(Header::getName).toList());

        // asking again within the hour mails nothing more
        askForLink("known@example.org").then().statusCode(200);
        awaitMail("known@example.org", 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailTo("known@example.org").size() == 2);
    }

    @Test
    void somethingThatIsNotOneAddressIsRefusedAndMailsNobody() throws Exception {
        for (String bad : List.of("", "not an address", "eve@example.org\r\nBcc: all@example.org",
                "a@example.org, b@example.org", "x".repeat(400) + "@example.org")) {
            given().contentType("application/x-www-form-urlencoded").formParam("email", bad).accept("application/json")
                    .post("/privacy/erase").then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/x-www-form-urlencoded").formParam("email", "not an address")
                .accept("text/html").post("/privacy/erase").then().statusCode(400)
                .body(containsString("not an email address"));
        assertThat(queryText(dataSource, "select count(*) from email.outbox where kind = 'ERASURE_CONFIRMATION' "
                + "and recipient_email like '%all@example.org%'")).isEqualTo("0");
    }

    @Test
    void aForgedAlteredOrExpiredLinkIsRefusedAndErasesNothing() throws Exception {
        String hash = people.of("forged@example.org").orElseThrow();
        String genuine = tokens.issue(hash);
        String altered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("A") ? "BB" : "AA");
        given().accept("application/json").post("/privacy/erase/confirm?token=" + altered).then().statusCode(400)
                .contentType("application/problem+json");
        given().accept("application/json").post("/privacy/erase/confirm?token=nonsense").then().statusCode(400);
        given().accept("application/json").post("/privacy/erase/confirm").then().statusCode(400);
        String expired = tokens.issueExpiringAt(hash, Instant.now().minusSeconds(1));
        given().accept("text/html").post("/privacy/erase/confirm?token=" + expired).then().statusCode(410)
                .body(containsString("expired"));
        // an unsubscribe link's token, genuine for this person, opens no erasure
        given().accept("application/json").post("/privacy/erase/confirm?token=" + unsubscribeTokens.issue(hash))
                .then().statusCode(400);
        assertThat(requestsOf(hash)).isZero();
    }

    @Test
    void opsFileARequestWithWhoFiledItAndFollowItUntilEveryServiceIsDone() throws Exception {
        String body = "{\"email\": \"letter@example.org\", \"channel\": \"LETTER\", \"filed_by\": \"Sam (ops)\", "
                + "\"reference\": \"ticket 4711\"}";
        given().contentType("application/json").body(body).post("/api/admin/erasures").then().statusCode(401)
                .contentType("application/problem+json");

        Response filed = given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(body)
                .post("/api/admin/erasures");
        filed.then().statusCode(202).body("filed_by", containsString("Sam")).body("channel", containsString("LETTER"));
        String location = filed.header("Location").replaceFirst("https?://[^/]+", "");
        UUID erasureId = UUID.fromString(filed.path("erasure_id"));
        String hash = people.of("letter@example.org").orElseThrow();

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            await().atMost(WITHIN).until(() -> erasuresOf(kafka, hash).stream()
                    .anyMatch(erasure -> erasure.erasureId().equals(erasureId)));
            for (String service : List.of("dedup-service", "reporting-service", "email-service")) {
                kafka.send(Topics.PEOPLE_ERASURES_DONE, hash,
                        new ErasureDone(EventSchema.VERSION, erasureId, hash, service, 3, Instant.now()));
            }
            await().atMost(WITHIN).until(() -> given().auth().oauth2(ADMIN_TOKEN).get(location).path("waiting_for")
                    .toString().equals("[]"));
        }
        given().auth().oauth2(ADMIN_TOKEN).get(location).then().statusCode(200)
                .body("reference", containsString("4711"))
                .body("completed_at", notNullValue()).body("seconds_to_complete", notNullValue())
                .body("done.done_at", everyItem(notNullValue())).body("done.service", hasItem("dedup-service"));
        given().auth().oauth2(ADMIN_TOKEN).get("/api/admin/erasures").then().statusCode(200)
                .body("erasure_id", hasItem(erasureId.toString()));
        given().auth().oauth2(ADMIN_TOKEN).get("/api/admin/erasures/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aFilingWithoutAnAddressChannelOrFilerIsRefusedNamingEachField() throws Exception {
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("{}").post("/api/admin/erasures")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("email")).body("errors", hasKey("channel")).body("errors", hasKey("filed_by"));
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json")
                .body("{\"email\": \"x@example.org\", \"channel\": \"SIGNER\", \"filed_by\": \"Sam\\r\\nX\"}")
                .post("/api/admin/erasures").then().statusCode(422)
                .body("errors", hasKey("channel")).body("errors", hasKey("filed_by"));
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("{\"email\": ")
                .post("/api/admin/erasures").then().statusCode(400).contentType("application/problem+json");
        assertThat(requestsOf(people.of("x@example.org").orElseThrow())).isZero();
    }

    private static Response askForLink(String address) {
        return given().contentType("application/x-www-form-urlencoded").formParam("email", address).accept("text/html")
                .post("/privacy/erase");
    }

    private static String confirmLinkTo(String address) throws Exception {
        awaitMail(address, 1);
        List<MimeMessage> received = mailTo(address);
        Matcher link = CONFIRM_LINK.matcher(body(received.get(received.size() - 1)));
        assertThat(link.find()).as("a confirmation link in the mail").isTrue();
        return link.group(1);
    }

    private int requestsOf(String hash) throws Exception {
        return Integer.parseInt(queryText(dataSource, "select count(*) from email.erasure_request where email_hash = ?",
                hash));
    }

    private static List<PersonErasure> erasuresOf(KafkaTestClient kafka, String hash) {
        return kafka.readAllValues(Topics.PEOPLE_ERASURES, PersonErasure.class).stream()
                .filter(erasure -> erasure.emailHash().equals(hash)).toList();
    }
}
