package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.OfficeContact;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** Step 3 of the embed: a signer called a target's office and reports how it went. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CallReportTest {

    private static final String SENATOR = "Senator Alex Padilla";
    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitionsAreOpen() {
        IntakeFixtures.publish(bootstrapServers, callable("call-petition", List.of()),
                callable("call-partner-only", List.of("https://partner.example")),
                IntakeFixtures.petition("no-phones-petition", PetitionStatus.OPEN));
    }

    private static PetitionDefinition callable(String slug, List<String> allowedOrigins) {
        PetitionDefinition plain = IntakeFixtures.petition(slug, PetitionStatus.OPEN, List.of(), allowedOrigins);
        List<PetitionTarget> targets = List.of(new PetitionTarget(SENATOR, "U.S. Senator for California", "US-CA",
                        List.of(new OfficeContact("Washington, DC office", "+1 (202) 224-3553"),
                                new OfficeContact("Los Angeles office", "+1 310-914-7300"))),
                new PetitionTarget("Office of the AG", "U.S. Attorney General"));
        return new PetitionDefinition(EventSchema.VERSION, slug, plain.title(), plain.text(), targets, plain.goal(),
                plain.status(), plain.consentText(), plain.consentTextVersion(), plain.requiredFields(),
                plain.allowedOrigins(), false, false, null, List.of("organizer@campaign.example"), Instant.now(), null,
                plain.organization(), null, null, null);
    }

    private static String report(String target, String outcome) {
        return """
                {"target_name": "%s", "outcome": "%s", "submission_id": "%s"}""".formatted(target, outcome,
                UUID.randomUUID());
    }

    private List<ConsumerRecord<String, String>> reportsOn(String slug) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.read(Topics.CALLS_REPORTED, 100_000, Duration.ofSeconds(2)).stream()
                    .filter(record -> record.key().equals(slug)).toList();
        }
    }

    @Test
    void theWidgetReadsTheOfficePhonesButNotTheOrganizersAddresses() {
        String petition = given().get("/api/petitions/call-petition").then().statusCode(200)
                .body("targets[0].offices[1].phone", equalTo("+1 310-914-7300"))
                .body("targets[1].offices", equalTo(List.of()))
                .extract().asString();
        assertThat(petition).doesNotContain("organizer");
    }

    @Test
    void aReportIsAcceptedOnlyOnceKafkaHoldsIt() {
        String body = report(SENATOR, "LEFT_VOICEMAIL");
        String reportId = given().contentType("application/json").header("User-Agent", "CallTest/1").body(body)
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(202).body("status", equalTo("received")).extract().path("report_id");

        assertThat(reportsOn("call-petition")).map(record -> KafkaTestClient.parse(record.value(), CallReported.class))
                .filteredOn(call -> call.reportId().equals(UUID.fromString(reportId))).singleElement()
                .satisfies(call -> {
                    assertThat(call.key()).isEqualTo("call-petition");
                    assertThat(call.targetName()).isEqualTo(SENATOR);
                    assertThat(call.outcome()).isEqualTo(CallOutcome.LEFT_VOICEMAIL);
                    assertThat(body).contains(call.submissionId().toString());
                    assertThat(call.request().userAgent()).isEqualTo("CallTest/1");
                    assertThat(call.defect()).isEmpty();
                });
    }

    @Test
    void theCallersRegionFromTheSignaturesAnswerTravelsWithTheReportAndAnyOtherIsRefused() {
        String reportId = given().contentType("application/json")
                .body(report(SENATOR, "TALKED_TO_STAFF").replace("}", ", \"region\": \"US-CA\"}"))
                .post("/api/petitions/call-petition/calls").then().statusCode(202).extract().path("report_id");
        assertThat(reportsOn("call-petition")).map(record -> KafkaTestClient.parse(record.value(), CallReported.class))
                .filteredOn(call -> call.reportId().equals(UUID.fromString(reportId))).singleElement()
                .extracting(CallReported::region).isEqualTo("US-CA");

        int before = reportsOn("call-petition").size();
        for (String region : List.of("US-XX", "us-ca", "California", "<b>US-CA</b>")) {
            given().contentType("application/json")
                    .body(report(SENATOR, "NO_ANSWER").replace("}", ", \"region\": \"%s\"}".formatted(region)))
                    .post("/api/petitions/call-petition/calls").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.region", containsString("US-NY"));
        }
        assertThat(reportsOn("call-petition")).hasSize(before);
    }

    @Test
    void aTargetThePetitionDoesNotNameIsRefusedAndNothingIsPublished() {
        int before = reportsOn("call-petition").size();
        given().contentType("application/json").body(report("Someone Else", "NO_ANSWER"))
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.target_name", containsString(SENATOR));
        assertThat(reportsOn("call-petition")).hasSize(before);
    }

    @Test
    void anOutcomeNotOnTheListIsRefused() {
        for (String outcome : List.of("SHOUTED", "left_voicemail", "")) {
            given().contentType("application/json").body(report(SENATOR, outcome))
                    .post("/api/petitions/call-petition/calls")
                    .then().statusCode(422).body("errors.outcome", containsString("TALKED_TO_STAFF"))
                    .body("errors", not(hasKey("target_name")));
        }
        given().contentType("application/json")
                .body("{\"target_name\": \"%s\", \"outcome\": \"NO_ANSWER\", \"submission_id\": \"x\"}".formatted(SENATOR))
                .post("/api/petitions/call-petition/calls").then().statusCode(422).body("errors", hasKey("submission_id"));
    }

    @Test
    void brokenOversizedOrEmptyBodiesGetAProblem() {
        given().contentType("application/json").body("{\"target_name\": ")
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"outcome\": 7}")
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(400).body("errors", hasKey("outcome"));
        given().contentType("application/json").body("{\"target_name\": \"" + "x".repeat(20_000) + "\"}")
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("null")
                .post("/api/petitions/call-petition/calls").then().statusCode(422);
        given().contentType("application/json").body(report(SENATOR, "NO_ANSWER"))
                .post("/api/petitions/no-such-petition/calls").then().statusCode(404);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameReportAndPublishesNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = report(SENATOR, "TALKED_TO_STAFF");
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/petitions/call-petition/calls").then().statusCode(202).extract().path("report_id");
        String second = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/petitions/call-petition/calls").then().statusCode(202).extract().path("report_id");

        assertThat(second).isEqualTo(first);
        assertThat(reportsOn("call-petition"))
                .filteredOn(record -> KafkaTestClient.parse(record.value(), CallReported.class).reportId()
                        .equals(UUID.fromString(first))).hasSize(1);
        given().contentType("application/json").header("Idempotency-Key", "with spaces").body(body)
                .post("/api/petitions/call-petition/calls").then().statusCode(422).body("errors", hasKey("idempotency_key"));
    }

    @Test
    void onlyPagesAllowedToEmbedThePetitionMayReport() {
        given().contentType("application/json").header("Origin", "https://elsewhere.example")
                .body(report(SENATOR, "LINE_BUSY")).post("/api/petitions/call-partner-only/calls")
                .then().statusCode(403);
        given().contentType("application/json").header("Origin", "https://partner.example")
                .body(report(SENATOR, "LINE_BUSY")).post("/api/petitions/call-partner-only/calls")
                .then().statusCode(202).header("Access-Control-Allow-Origin", "https://partner.example");
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, idempotency-key")
                .options("/api/petitions/call-partner-only/calls")
                .then().statusCode(204).header("Access-Control-Allow-Headers", containsString("idempotency-key"));
    }

    @Test
    void withoutJavaScriptTheThankYouPageListsThePhonesAndItsFormReportsTheCall() {
        UUID signature = UUID.randomUUID();
        String page = given().get("/petitions/call-petition/thank-you?submission_id=" + signature)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("Call your representative", "href=\"tel:+12022243553\"", "+1 (202) 224-3553",
                "Los Angeles office", "value=\"LEFT_VOICEMAIL\"", "value=\"" + signature + "\"")
                .doesNotContain("value=\"Office of the AG\"");
        String key = page.replaceAll("(?s).*name=\"idempotency_key\" value=\"([^\"]+)\".*", "$1");

        String location = given().config(NO_REDIRECTS).formParam("target_name", SENATOR)
                .formParam("outcome", "TALKED_TO_STAFF").formParam("submission_id", signature.toString())
                .formParam("idempotency_key", key)
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(303)
                .header("Location", matchesPattern(".*/petitions/call-petition/thank-you\\?call_report_id=[0-9a-f-]{36}"
                        + "&submission_id=" + signature))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body(containsString("Thank you for calling"))
                .body(not(containsString("Tell us how it went")));

        given().accept("text/html").formParam("target_name", "Nobody").formParam("outcome", "NO_ANSWER")
                .post("/api/petitions/call-petition/calls")
                .then().statusCode(422).contentType("text/html")
                .body(containsString("Your call report was not recorded")).body(containsString("target_name"));
    }

    @Test
    void aPetitionWithoutPhonesAsksForNoCall() {
        given().get("/petitions/no-phones-petition/thank-you").then().statusCode(200)
                .body(containsString("Thank you for signing")).body(not(containsString("Call your representative")));
    }
}
