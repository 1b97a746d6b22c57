package org.petitionpipeline.email.mailings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.header;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.unsubscribePath;
import static org.petitionpipeline.email.mailings.MailingFixtures.ADMIN_TOKEN;
import static org.petitionpipeline.email.mailings.MailingFixtures.awaitFinished;
import static org.petitionpipeline.email.mailings.MailingFixtures.mailingId;
import static org.petitionpipeline.email.mailings.MailingFixtures.post;
import static org.petitionpipeline.email.mailings.MailingFixtures.postUpdate;
import static org.petitionpipeline.email.mailings.MailingFixtures.progress;
import static org.petitionpipeline.email.mailings.MailingFixtures.signers;
import static org.petitionpipeline.email.mailings.MailingFixtures.updatesOf;
import static org.petitionpipeline.email.mailings.MailingFixtures.updatesTo;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.email.mailings.service.MailingWorker;
import org.petitionpipeline.email.suppression.WebhookTest;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;
import org.petitionpipeline.testsupport.TestPetitions;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class OrganizerUpdateTest {

    private static final Duration FINISH_WITHIN = Duration.ofSeconds(20);
    private static final String HOSTILE_BODY = """
            **The hearing** moved to _Thursday_.

            <script>alert('script')</script>

            <img src="https://news.example/photo.jpg" onerror="alert('img')">

            <a href="javascript:alert('link')">click</a>

            [Read more](https://news.example/hearing)

            <p style="color:red" onclick="alert('p')">Come early</p>
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    Scheduler scheduler;


    @Inject
    PetitionCatalog catalog;

    @BeforeEach
    void petitionsExist() {
        MailingFixtures.publishPetitions(bootstrapServers, catalog, "behind-it", "hearing", "retrying", "second-update", "under-way", "empty", "injection", "demo", "no-token");
    }

    @Test
    void withoutTheOrganizerTokenNothingIsPostedOrRead() throws Exception {
        String body = "{\"subject\": \"Hello\", \"body\": \"Hi\"}";

        given().contentType("application/json").body(body).post(updatesOf("no-token")).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        given().auth().oauth2(ADMIN_TOKEN + "x").contentType("application/json").body(body)
                .post(updatesOf("no-token")).then().statusCode(401);
        given().auth().oauth2(WebhookTest.TOKEN).contentType("application/json").body(body)
                .post(updatesOf("no-token")).then().statusCode(401);
        given().get(updatesOf("no-token") + "/00000000-0000-0000-0000-000000000000").then().statusCode(401);

        assertThat(mailingsOf("no-token")).isEqualTo("0");
    }

    @Test
    void anEmptySubjectOrBodyIsRefusedWithAProblemThatNamesTheField() throws Exception {
        postUpdate("empty", "", " \n ").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("subject")).body("errors", hasKey("body"));
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("{}").post(updatesOf("empty"))
                .then().statusCode(422).body("errors", hasKey("subject")).body("errors", hasKey("body"));
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("null").post(updatesOf("empty"))
                .then().statusCode(422).contentType("application/problem+json");
        postUpdate("empty", "x".repeat(201), "Hi").then().statusCode(422).body("errors.subject", containsString("200"));
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body("{\"subject\": ")
                .post(updatesOf("empty")).then().statusCode(400).contentType("application/problem+json");

        assertThat(mailingsOf("empty")).isEqualTo("0");
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeaderOrARecipient() throws Exception {
        for (String lineBreak : List.of("\r\n", "\n", "\r", "\u2028", "\u0085")) {
            postUpdate("injection", "Hello" + lineBreak + "Bcc: mallory@evil.example", "Hi").then().statusCode(422)
                    .body("errors.subject", containsString("one line"));
        }

        assertThat(mailingsOf("injection")).isEqualTo("0");
        assertThat(mailTo("mallory@evil.example")).isEmpty();
    }

    @Test
    void anUpdateReachesEachConsentingSubscriberOnceWithUnsubscribeHeadersAndNoScript() throws Exception {
        String subject = "The hearing: Thursday";
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            String subscriber = signers(kafka, dataSource, "hearing", "ivy", 1).get(0);
            // signing again adds a consent, not a second copy of the update
            AcceptedSignature again = MailFixtures.accepted("hearing", subscriber,
                    queryText(dataSource, "select email_hash from email.person where email = ?", subscriber), true);
            kafka.send(Topics.SIGNATURES_ACCEPTED, again.key(), again);
            AcceptedSignature noOptIn = MailFixtures.accepted("hearing", "jon@example.org", newHash(), false);
            kafka.send(Topics.SIGNATURES_ACCEPTED, noOptIn.key(), noOptIn);
            signers(kafka, dataSource, "another-petition", "kai", 1);
            MailFixtures.awaitMail("jon@example.org", 1);
            await().atMost(FINISH_WITHIN).until(() -> "2".equals(queryText(dataSource,
                    "select count(*) from email.consent where petition_slug = 'hearing'")));

            String location = post("hearing", subject, HOSTILE_BODY);
            awaitFinished(location, FINISH_WITHIN);

            progress(location).then().statusCode(200).body("status", is("FINISHED")).body("petition_slug", is("hearing"))
                    .body("subject", is(subject)).body("recipients", is(1)).body("sent", is(1)).body("queued", is(0))
                    .body("failed", is(0)).body("skipped", is(0)).body("started_at", notNullValue())
                    .body("finished_at", notNullValue());
            assertThat(updatesTo(subscriber, subject)).hasSize(1);
            assertThat(updatesTo("jon@example.org", subject)).isEmpty();
            assertThat(updatesTo("kai-0@example.org", subject)).isEmpty();

            MimeMessage update = updatesTo(subscriber, subject).get(0);
            assertThat(header(update, "List-Unsubscribe")).matches(
                    "<http://[^>]+/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>, <mailto:unsubscribe@petitions\\.localhost"
                            + "\\?subject=unsubscribe%20[\\w.-]+>");
            assertThat(header(update, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(update.getMessageID()).matches("<organizer_update\\.[0-9a-f-]{36}\\.[0-9a-f]{64}@localhost>");
            String link = unsubscribePath(update);
            String both = body(update);
            assertThat(both.split(Pattern.quote(link), -1)).as("the footer link, in text and HTML").hasSize(3);
            assertThat(both).contains("<strong>The hearing</strong>", "<em>Thursday</em>",
                            "<a href=\"https://news.example/hearing\">Read more</a>", "Come early",
                            "Read more <https://news.example/hearing>")
                    .doesNotContain("<script", "alert", "onerror", "onclick", "javascript:", "color:red");
        }
    }

    @Test
    void someoneWhoUnsubscribedFromAnUpdateIsNotSentTheNextOne() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<String> people = signers(kafka, dataSource, "second-update", "liv", 2);
            awaitFinished(post("second-update", "First news", "One"), FINISH_WITHIN);
            given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                    .post(unsubscribePath(updatesTo(people.get(0), "First news").get(0))).then().statusCode(200);

            String second = post("second-update", "Second news", "Two");
            awaitFinished(second, FINISH_WITHIN);

            progress(second).then().body("recipients", is(1)).body("sent", is(1));
            assertThat(updatesTo(people.get(0), "Second news")).isEmpty();
            assertThat(updatesTo(people.get(1), "Second news")).hasSize(1);
        }
    }

    @Test
    void someoneWhoUnsubscribesWhileAnUpdateIsUnderWayIsSkipped() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<String> people = signers(kafka, dataSource, "under-way", "mia", 2);
            MailFixtures.awaitMail(people.get(0), 1);
            String receiptLink = unsubscribePath(mailTo(people.get(0)).get(0));
            String location;
            scheduler.pause(MailingWorker.JOB);
            try {
                location = post("under-way", "While it runs", "News");
                given().post(receiptLink).then().statusCode(200);
                assertThat(progress(location).<Integer>path("queued")).as("nobody sent to yet").isEqualTo(2);
            } finally {
                scheduler.resume(MailingWorker.JOB);
            }
            awaitFinished(location, FINISH_WITHIN);

            progress(location).then().body("recipients", is(2)).body("sent", is(1)).body("skipped", is(1));
            assertThat(updatesTo(people.get(0), "While it runs")).isEmpty();
            assertThat(updatesTo(people.get(1), "While it runs")).hasSize(1);
            given().get("/q/metrics").then().body(containsString(
                    "email_messages_skipped_total{kind=\"organizer_update\",reason=\"unsubscribed\"}"));
        }
    }

    @Test
    void anUpdateWhoseLastRecipientWaitsToRetryDoesNotHoldUpANewerOne() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            signers(kafka, dataSource, "retrying", "noa", 1);
            signers(kafka, dataSource, "behind-it", "oli", 1);
            String retrying;
            String behind;
            scheduler.pause(MailingWorker.JOB);
            try {
                retrying = post("retrying", "Waits to retry", "One");
                // as the SMTP server's refusal of its only message would have left it
                assertThat(MailFixtures.update(dataSource, "update email.mailing_recipient"
                        + " set attempts = 1, next_attempt_at = now() + interval '1 hour' where mailing_id = ?",
                        mailingId(retrying))).isEqualTo(1);
                behind = post("behind-it", "Behind it", "Two");
            } finally {
                scheduler.resume(MailingWorker.JOB);
            }
            // a refusal by the SMTP server would put its one recipient 30 s back: still far short of the hour
            awaitFinished(behind, Duration.ofSeconds(60));

            progress(behind).then().body("sent", is(1));
            progress(retrying).then().body("queued", is(1)).body("sent", is(0)).body("finished_at", nullValue());
        }
    }

    @Test
    void anUnknownUpdateIsNotFound() {
        given().auth().oauth2(ADMIN_TOKEN).get(updatesOf("demo") + "/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN_TOKEN).get(updatesOf("demo") + "/not-a-uuid").then().statusCode(404);
    }


    @Test
    void onlyMembersOfThePetitionsOrganizationMailItsSignersOrReadTheMailing() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "acme-news", TestPetitions.open("acme-news", "acme"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find("acme-news").isPresent());
        String body = "{\"subject\": \"News\", \"body\": \"Hi\"}";
        String platformOperator = TestAccessTokens.of(new Caller(UUID.randomUUID(), "ops@platform.example", true,
                Map.of()));

        // a member of another organization, or a platform operator who is no member: as if there were no petition
        for (String outsider : List.of(TestAccessTokens.member("beta", OrgRole.OWNER), platformOperator)) {
            given().auth().oauth2(outsider).contentType("application/json").body(body).post(updatesOf("acme-news"))
                    .then().statusCode(404).contentType("application/problem+json");
        }
        String viewer = TestAccessTokens.member("acme", OrgRole.VIEWER);
        given().auth().oauth2(viewer).contentType("application/json").body(body).post(updatesOf("acme-news"))
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(mailingsOf("acme-news")).isEqualTo("0");

        Response posted = given().auth().oauth2(TestAccessTokens.member("acme", OrgRole.EDITOR))
                .contentType("application/json").body(body).post(updatesOf("acme-news"));
        posted.then().statusCode(202);
        String location = posted.header("Location").replaceFirst("https?://[^/]+", "");
        given().auth().oauth2(viewer).get(location).then().statusCode(200);
        given().auth().oauth2(TestAccessTokens.member("beta", OrgRole.OWNER)).get(location).then().statusCode(404);
        // erasures and access requests concern every signer of every organization: platform operators only
        given().auth().oauth2(TestAccessTokens.member("acme", OrgRole.OWNER)).get("/api/admin/erasures").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(platformOperator).get("/api/admin/erasures").then().statusCode(200);
        assertThat(mailingsOf("acme-news")).isEqualTo("1");
        // acme's log holds the mailing and the attempts on its petition (platform-wide refusals are the platform's)
        assertThat(queryText(dataSource, "select string_agg(action || ':' || outcome, ',' order by at) from "
                + "email.audit_outbox where organization = 'acme' and target = 'acme-news'"))
                .isEqualTo("access.denied:DENIED,access.denied:DENIED,access.denied:DENIED,mailing.post:SUCCESS,"
                        + "access.denied:DENIED");
    }

    private String mailingsOf(String petitionSlug) throws Exception {
        return queryText(dataSource, "select count(*) from email.mailing where petition_slug = ?", petitionSlug);
    }
}
