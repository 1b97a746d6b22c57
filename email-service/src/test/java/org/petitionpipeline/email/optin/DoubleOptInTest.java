package org.petitionpipeline.email.optin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.header;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.subjectOf;
import static org.petitionpipeline.email.MailFixtures.update;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.SignatureKey;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.email.unsubscribe.UnsubscribeTokens;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Double opt-in on a petition that counts only confirmed signatures: the request instead of the receipt, a
 * link scanner's GET that changes nothing, the POST that confirms once and announces it once, refused links,
 * and reminders (test profile: 3 s apart, at most 2) that stop at the confirmation.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class DoubleOptInTest {

    static final String VERIFIED_ONLY = "verified-only";
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/confirm\\?token=[A-Za-z0-9_.-]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PetitionCatalog catalog;

    @Inject
    ConfirmationTokens tokens;

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Inject
    ConfirmationRepository confirmations;

    @BeforeEach
    void verifiedOnlyPetitionIsInTheCatalog() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, VERIFIED_ONLY, verifiedOnlyPetition());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> catalog.find(VERIFIED_ONLY).isPresent());
    }

    @Test
    void aSignerConfirmsByPostOnlyOnceAndTheSignatureIsAnnouncedOnce() throws Exception {
        String hash = newHash();
        AcceptedSignature signature = accepted(VERIFIED_ONLY, "ana@optin.example", hash, false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            awaitMail("ana@optin.example", 1);
            MimeMessage request = mailTo("ana@optin.example").get(0);
            assertThat(subjectOf(request)).isEqualTo("Please confirm your signature: Tell the Attorney General: resign");
            assertThat(header(request, "List-Unsubscribe")).as("no opt-in, nothing to unsubscribe from").isNull();
            String link = confirmLink(request);

            // what a link scanner does: opening the link shows a button and changes nothing
            given().accept("text/html").get(link).then().statusCode(200).contentType("text/html")
                    .header("Cache-Control", "no-store").body(containsString("<form method=\"post\""));
            assertThat(confirmedAt(signature.signatureId())).isNull();

            given().accept("text/html").post(link).then().statusCode(200)
                    .body(containsString("your signature is confirmed"));
            assertThat(confirmedAt(signature.signatureId())).as("confirmed before the answer").isNotNull();
            given().accept("text/html").post(link).then().statusCode(200)
                    .body(containsString("your signature is confirmed"));

            // the replayed signature asks again for nothing
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            List<ConsumerRecord<String, String>> verified = settledVerificationsOf(kafka, signature.signatureId(), 1);
            assertThat(verified.get(0).key()).isEqualTo(SignatureKey.of(VERIFIED_ONLY, hash));
            VerifiedSignature event = KafkaTestClient.parse(verified.get(0).value(), VerifiedSignature.class);
            assertThat(event.petitionSlug()).isEqualTo(VERIFIED_ONLY);
            assertThat(event.emailHash()).isEqualTo(hash);
            assertThat(event.verifiedAt()).isNotNull();
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> mailTo("ana@optin.example").size() == 1);
        }
    }

    @Test
    void aPetitionWithoutTheRuleGetsTheReceiptAsBefore() {
        String hash = newHash();
        AcceptedSignature signature = accepted("demo", "ben@optin.example", hash, false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        awaitMail("ben@optin.example", 1);
        assertThat(subjectOf(mailTo("ben@optin.example").get(0))).startsWith("Thank you for signing");
    }

    @Test
    void forgedAlteredExpiredAndForeignLinksAreRefusedAndConfirmNothing() throws Exception {
        AcceptedSignature signature = accepted(VERIFIED_ONLY, "cay@optin.example", newHash(), false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> queryText(dataSource,
                "select 1 from email.confirmation where signature_id = ?", signature.signatureId()) != null);
        String token = tokens.issue(signature.signatureId());
        String lastChar = token.substring(token.length() - 1);
        List<String> invalid = List.of(
                token.substring(0, token.length() - 1) + (lastChar.equals("A") ? "B" : "A"),
                tokens.issue(UUID.randomUUID()).substring(0, token.indexOf('.')) + token.substring(token.indexOf('.')),
                token.substring(0, token.length() - 3),
                "AAAA.BBBB",
                "",
                // a genuine unsubscribe token is no confirmation token
                unsubscribeTokens.issue(signature.emailHash()));
        for (String refused : invalid) {
            given().accept("text/html").queryParam("token", refused).get("/confirm").then().statusCode(400)
                    .body(containsString("This confirmation link is not valid"));
            given().accept("text/html").queryParam("token", refused).post("/confirm").then().statusCode(400);
            given().accept("application/json").queryParam("token", refused).post("/confirm").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("not valid"));
        }
        given().accept("text/html").post("/confirm").then().statusCode(400);
        // genuine, for a signature nobody asked to confirm
        given().accept("text/html").queryParam("token", tokens.issue(UUID.randomUUID())).post("/confirm").then()
                .statusCode(400);

        String expired = tokens.issueExpiringAt(signature.signatureId(), Instant.now().minusSeconds(1));
        given().accept("text/html").queryParam("token", expired).get("/confirm").then().statusCode(410)
                .body(containsString("This confirmation link has expired"));
        given().accept("application/json").queryParam("token", expired).post("/confirm").then().statusCode(410)
                .contentType("application/problem+json");

        assertThat(confirmedAt(signature.signatureId())).isNull();
    }

    @Test
    void anUnconfirmedSignerIsRemindedTwiceAndNoMore() throws Exception {
        AcceptedSignature signature = accepted(VERIFIED_ONLY, "dan@optin.example", newHash(), false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("dan@optin.example").size() >= 3);
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("dan@optin.example").size() == 3);
        List<MimeMessage> mail = mailTo("dan@optin.example");
        assertThat(mail).extracting(MailFixtures::subjectOf).containsExactly(
                "Please confirm your signature: Tell the Attorney General: resign",
                "Reminder: please confirm your signature: Tell the Attorney General: resign",
                "Reminder: please confirm your signature: Tell the Attorney General: resign");
        assertThat(body(mail.get(2))).contains("have not confirmed your email address yet");

        // the last reminder's link works like the first
        given().post(confirmLink(mail.get(2))).then().statusCode(200);
        assertThat(confirmedAt(signature.signatureId())).isNotNull();
    }

    @Test
    void aConfirmedSignerGetsNoReminder() throws Exception {
        AcceptedSignature signature = accepted(VERIFIED_ONLY, "eva@optin.example", newHash(), false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        }
        awaitMail("eva@optin.example", 1);
        given().post(confirmLink(mailTo("eva@optin.example").get(0))).then().statusCode(200);

        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                .until(() -> mailTo("eva@optin.example").size() == 1);
    }

    @Test
    void twoInstancesClaimingDueRemindersAtOnceQueueEachOnce() throws Exception {
        List<AcceptedSignature> waiting = IntStream.range(0, 60)
                .mapToObj(i -> accepted(VERIFIED_ONLY, "w" + i + "@reminders.example", newHash(), false)).toList();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            waiting.forEach(signature -> kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature));
        }
        String[] ids = waiting.stream().map(signature -> signature.signatureId().toString()).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30)).until(() -> "60".equals(queryText(dataSource,
                "select count(*) from email.confirmation where signature_id::text = any(?)", (Object) ids)));
        // all due at once, for two claimers racing (and this service's own scheduler as a third)
        update(dataSource, "update email.confirmation set next_reminder_at = now() where signature_id::text = any(?)",
                (Object) ids);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> confirmations.queueDueReminders(50, 2, Duration.ofHours(1)));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                () -> confirmations.queueDueReminders(50, 2, Duration.ofHours(1)));
        CompletableFuture.allOf(first, second).join();

        // the service's scheduler, with its own (short) delay, may go on to second reminders: each row's count of
        // reminders must match the reminders queued for it, whoever claimed them
        assertThat(queryText(dataSource, """
                select count(*) from email.confirmation c
                where c.signature_id::text = any(?) and (c.reminders_sent = 0 or c.reminders_sent <> (
                    select count(*) from email.outbox o
                    where o.kind = 'CONFIRMATION_REMINDER' and split_part(o.reference, ':', 1) = c.signature_id::text))""",
                (Object) ids)).isEqualTo("0");
    }

    private Object confirmedAt(UUID signatureId) throws Exception {
        return queryText(dataSource, "select confirmed_at from email.confirmation where signature_id = ?", signatureId);
    }

    static String confirmLink(MimeMessage message) throws Exception {
        Matcher link = CONFIRM_LINK.matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("no confirmation link in " + body(message));
        }
        return link.group(1);
    }

    private static List<ConsumerRecord<String, String>> settledVerificationsOf(KafkaTestClient kafka, UUID signatureId,
            int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> verificationsOf(kafka, signatureId).size() >= count);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> verificationsOf(kafka, signatureId).size() == count);
        return verificationsOf(kafka, signatureId);
    }

    private static List<ConsumerRecord<String, String>> verificationsOf(KafkaTestClient kafka, UUID signatureId) {
        return kafka.read(Topics.SIGNATURES_VERIFIED, 10_000, Duration.ofSeconds(1)).stream()
                .filter(record -> record.value().contains(signatureId.toString())).toList();
    }

    static PetitionDefinition verifiedOnlyPetition() {
        return new PetitionDefinition(EventSchema.VERSION, VERIFIED_ONLY, "Tell the Attorney General: resign", "Text",
                List.of(new PetitionTarget("Office of the AG", "U.S. Attorney General")), 1000, PetitionStatus.OPEN,
                "Email me updates", "v1", List.of(), List.of(), false, true, null, List.of(), Instant.now(), null,
                "default", null, null, null);
    }
}
