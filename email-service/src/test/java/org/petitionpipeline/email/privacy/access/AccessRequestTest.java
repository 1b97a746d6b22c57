package org.petitionpipeline.email.privacy.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subscribe;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AccessReport;
import org.petitionpipeline.contracts.AccessRequested;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.privacy.ErasureTokens;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.kit.people.PersonHashes;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * A person's export: the signer's page and mailed link (its GET collects once and shows the export once every service
 * answered; the form never tells whether an address is known), ops' authenticated API, and the export deleted after
 * a while. Dedup's and reporting's answers are simulated on people.access-reports.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class AccessRequestTest {

    private static final String ADMIN_TOKEN = TestAccessTokens.operator();
    private static final Pattern VIEW_LINK =
            Pattern.compile("https?://[^/\\s\"]+(/privacy/export/view\\?token=[^\\s\"<]+)");
    private static final Duration WITHIN = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PersonHashes people;

    @Inject
    AccessTokens tokens;

    @Inject
    ErasureTokens erasureTokens;

    @Inject
    ExportCleanup cleanup;

    @Test
    void theMailedLinkCollectsOnceWaitsForEveryServiceAndShowsTheWholeExportAsAPageAndAsJson() throws Exception {
        String address = "export-" + UUID.randomUUID() + "@example.org";
        String hash = people.of(address).orElseThrow();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, address, hash);
            given().accept("text/html").get("/privacy/export").then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body(containsString("<form method=\"post\" action=\"/privacy/export?lang=en\""));
            askForLink(address).then().statusCode(200).body(containsString("Check your email"));
            String link = viewLinkTo(address, 2);

            for (int reload = 0; reload < 2; reload++) {
                given().accept("text/html").get(link).then().statusCode(200).header("Referrer-Policy", "no-referrer")
                        .body(containsString("Collecting your data")).body(containsString("http-equiv=\"refresh\""))
                        .body(containsString("dedup-service"));
            }
            assertThat(requestsOf(hash)).as("opened twice, one request").isEqualTo(1);
            AccessRequested request = await().atMost(WITHIN).until(() -> requestsOnTopic(kafka, hash),
                    requests -> !requests.isEmpty()).get(0);
            answerForTheOtherServices(kafka, request);

            await().atMost(WITHIN).until(() -> given().accept("text/html").get(link).asString()
                    .contains("Your data"));
            given().accept("text/html").get(link).then().statusCode(200)
                    .body(containsString("email-service")).body(containsString("dedup-service"))
                    .body(containsString("reporting-service")).body(containsString(address))
                    .body(containsString("SUBSCRIBED")).body(containsString("SIGNATURE_RECEIPT"))
                    .body(containsString("Tell the Attorney General")).body(containsString("198.51.100.23"))
                    .body(containsString("format=json"));
            given().accept("application/json").get(link).then().statusCode(200).contentType("application/json")
                    .body("request_id", containsString(request.requestId().toString()))
                    .body("services.service", hasItems("dedup-service", "email-service", "reporting-service"))
                    .body("services.find { it.service == 'email-service' }.records.kind",
                            hasItems("person", "consent", "mail"))
                    .body("services.find { it.service == 'email-service' }.records.find { it.kind == 'consent' }.ip",
                            containsString("203.0.113.7"))
                    .body("services.find { it.service == 'email-service' }.records.find { it.kind == 'consent' }"
                            + ".wording_language", is("en"))
                    .body("services.find { it.service == 'dedup-service' }.records[0].client_ip",
                            containsString("198.51.100.23"));
            given().get(link + "&format=json").then().statusCode(200).contentType("application/json")
                    .header("Content-Disposition", containsString("attachment"))
                    .body("services.size()", is(3));
        }
    }

    @Test
    void theAnswerIsTheSameForAKnownAndAnUnknownAddressAndAtMostOneLinkAnHour() throws Exception {
        String known = "known-export-" + UUID.randomUUID() + "@example.org";
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, known, people.of(known).orElseThrow());
        }
        Response knownAnswer = askForLink(known);
        Response unknownAnswer = askForLink("nobody-" + UUID.randomUUID() + "@example.org");
        assertThat(knownAnswer.statusCode()).isEqualTo(unknownAnswer.statusCode()).isEqualTo(200);
        assertThat(knownAnswer.body().asString()).isEqualTo(unknownAnswer.body().asString());
        assertThat(knownAnswer.headers().asList()).extracting(Header::getName).containsExactlyInAnyOrderElementsOf(
                unknownAnswer.headers().asList().stream().map(Header::getName).toList());

        askForLink(known).then().statusCode(200);
        awaitMail(known, 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mailTo(known).size() == 2);
        given().contentType("application/x-www-form-urlencoded").formParam("email", "not an address")
                .accept("application/json").post("/privacy/export").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aForgedAlteredOrExpiredLinkIsRefusedAndCollectsNothing() throws Exception {
        String hash = people.of("forged-export@example.org").orElseThrow();
        String genuine = tokens.issue(hash);
        String altered = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("A") ? "BB" : "AA");
        given().accept("application/json").get("/privacy/export/view?token=" + altered).then().statusCode(400)
                .contentType("application/problem+json");
        given().accept("application/json").get("/privacy/export/view?token=nonsense").then().statusCode(400);
        given().accept("application/json").get("/privacy/export/view").then().statusCode(400);
        given().accept("application/json").get("/privacy/export/view?format=json&token=" + altered).then()
                .statusCode(400);
        String expired = tokens.issueExpiringAt(hash, Instant.now().minusSeconds(1));
        given().accept("text/html").get("/privacy/export/view?token=" + expired).then().statusCode(410)
                .body(containsString("expired"));
        given().accept("application/json").get("/privacy/export/view?token=" + expired).then().statusCode(410)
                .contentType("application/problem+json");
        // an erasure link's token, genuine for this person, opens no export
        given().accept("application/json").get("/privacy/export/view?token=" + erasureTokens.issue(hash)).then()
                .statusCode(400);
        assertThat(requestsOf(hash)).isZero();
    }

    @Test
    void opsFileARequestWithWhoFiledItAndFetchTheExportOnceComplete() throws Exception {
        String address = "letter-export-" + UUID.randomUUID() + "@example.org";
        String hash = people.of(address).orElseThrow();
        String body = "{\"email\": \"" + address + "\", \"channel\": \"LETTER\", \"filed_by\": \"Sam (ops)\", "
                + "\"reference\": \"ticket 4712\"}";
        given().contentType("application/json").body(body).post("/api/admin/access-requests").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("{}")
                .post("/api/admin/access-requests").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("email")).body("errors", hasKey("channel")).body("errors", hasKey("filed_by"));
        assertThat(requestsOf(hash)).isZero();

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, address, hash);
            Response filed = given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(body)
                    .post("/api/admin/access-requests");
            filed.then().statusCode(202).body("filed_by", containsString("Sam")).body("channel", containsString("LETTER"))
                    .body("waiting_for", hasItems("dedup-service", "reporting-service")).body("export", nullValue());
            String location = filed.header("Location").replaceFirst("https?://[^/]+", "");
            UUID requestId = UUID.fromString(filed.path("request_id"));
            AccessRequested request = await().atMost(WITHIN).until(() -> requestsOnTopic(kafka, hash),
                    requests -> requests.stream().anyMatch(r -> r.requestId().equals(requestId))).get(0);
            answerForTheOtherServices(kafka, request);
            await().atMost(WITHIN).until(() -> given().auth().oauth2(ADMIN_TOKEN).get(location).path("export") != null);
            given().auth().oauth2(ADMIN_TOKEN).get(location).then().statusCode(200)
                    .body("reference", containsString("4712")).body("completed_at", notNullValue())
                    .body("export.services.service", hasItems("dedup-service", "email-service", "reporting-service"));

            // kept for a while only: then the export is deleted, and a late report is not stored again
            update(dataSource, "update email.access_request set requested_at = now() - interval '8 days' "
                    + "where request_id = ?", requestId);
            cleanup.deleteOldExports();
            given().auth().oauth2(ADMIN_TOKEN).get(location).then().statusCode(200)
                    .body("export", nullValue()).body("export_deleted_at", notNullValue());
            answerForTheOtherServices(kafka, request);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> queryText(dataSource,
                    "select count(*) from email.access_report where request_id = ?", requestId).equals("0"));
        }
        given().auth().oauth2(ADMIN_TOKEN).get("/api/admin/access-requests/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void anErasedPersonsExportHoldsNothingOfEmailsOwn() throws Exception {
        String address = "erased-export-" + UUID.randomUUID() + "@example.org";
        String hash = people.of(address).orElseThrow();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, address, hash);
        }
        // as the erasure leaves the person: a suppression entry by hash
        update(dataSource, "update email.person set email = null, erased_at = now() where email_hash = ?", hash);
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json")
                .body("{\"email\": \"" + address + "\", \"channel\": \"PHONE\", \"filed_by\": \"Sam\"}")
                .post("/api/admin/access-requests").then().statusCode(202)
                .body("answered", hasItems("email-service"));
        assertThat(queryText(dataSource, """
                select r.records::text from email.access_report r join email.access_request q using (request_id)
                where q.email_hash = ? and r.service = 'email-service'""", hash)).isEqualTo("[]");
    }

    private static void answerForTheOtherServices(KafkaTestClient kafka, AccessRequested request) {
        kafka.send(Topics.PEOPLE_ACCESS_REPORTS, request.emailHash(), new AccessReport(EventSchema.VERSION,
                request.requestId(), request.emailHash(), "dedup-service", List.of(Map.of("kind", "signature",
                        "petition", "demo", "client_ip", "198.51.100.23", "status", "accepted")), Instant.now()));
        kafka.send(Topics.PEOPLE_ACCESS_REPORTS, request.emailHash(), new AccessReport(EventSchema.VERSION,
                request.requestId(), request.emailHash(), "reporting-service", List.of(Map.of("kind", "signer",
                        "petition", "demo", "postal_code", "20500")), Instant.now()));
    }

    private static Response askForLink(String address) {
        return given().contentType("application/x-www-form-urlencoded").formParam("email", address).accept("text/html")
                .post("/privacy/export");
    }

    private static String viewLinkTo(String address, int mails) throws Exception {
        awaitMail(address, mails);
        List<MimeMessage> received = mailTo(address);
        Matcher link = VIEW_LINK.matcher(body(received.get(received.size() - 1)));
        assertThat(link.find()).as("a link to the export in the mail").isTrue();
        return link.group(1);
    }

    private int requestsOf(String hash) throws Exception {
        return Integer.parseInt(queryText(dataSource, "select count(*) from email.access_request where email_hash = ?",
                hash));
    }

    private static List<AccessRequested> requestsOnTopic(KafkaTestClient kafka, String hash) {
        return kafka.readAllValues(Topics.PEOPLE_ACCESS_REQUESTS, AccessRequested.class).stream()
                .filter(request -> request.emailHash().equals(hash)).toList();
    }
}
