package org.petitionpipeline.reporting.calls;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.access.ConsoleBrowser;
import org.petitionpipeline.reporting.access.ConsoleSessions;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The calls signers report from the embed's call step, counted once each, per target, outcome and caller's region. */
@QuarkusTest
class CallCountTest {

    private static final String SENATOR = "Senator Alex Padilla";
    private static final String AG = "Office of the Attorney General";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CallCountRepository repository;

    private static CallReported call(String slug, UUID reportId, String target, CallOutcome outcome, String region) {
        return new CallReported(EventSchema.VERSION, reportId, slug, UUID.randomUUID(), target, outcome,
                new RequestFacts(Instant.parse("2026-11-23T06:00:00Z"), "198.51.100.7", "Test", null), region);
    }

    private static CallReported call(String slug, String target, CallOutcome outcome) {
        return call(slug, target, outcome, "US-CA");
    }

    private static CallReported call(String slug, String target, CallOutcome outcome, String region) {
        return call(slug, UUID.randomUUID(), target, outcome, region);
    }

    @Test
    void callsAreCountedPerTargetAndOutcomeAndAReplayCountsNothing() {
        PetitionCatalogTest.createPetition("calls-test");
        List<CallReported> calls = List.of(call("calls-test", SENATOR, CallOutcome.LEFT_VOICEMAIL),
                call("calls-test", SENATOR, CallOutcome.LEFT_VOICEMAIL),
                call("calls-test", SENATOR, CallOutcome.TALKED_TO_STAFF),
                call("calls-test", AG, CallOutcome.LINE_BUSY));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            calls.forEach(call -> kafka.send(Topics.CALLS_REPORTED, call.key(), call));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> calls("calls-test").body("total", equalTo(4)));
            calls.forEach(call -> kafka.send(Topics.CALLS_REPORTED, call.key(), call));
        }

        // a replay must not move it: wait a moment longer and look again
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> calls("calls-test")
                .body("slug", equalTo("calls-test"))
                .body("total", equalTo(4))
                .body("by_target", equalTo(Map.of(
                        SENATOR, Map.of("total", 3, "by_outcome", Map.of("LEFT_VOICEMAIL", 2, "TALKED_TO_STAFF", 1)),
                        AG, Map.of("total", 1, "by_outcome", Map.of("LINE_BUSY", 1))))));
    }

    @Test
    void callsAreCountedByTheCallersRegionAndAReportWrittenBeforeRegionsIsUnknown() {
        countNewYorkAndCaliforniaCalls("calls-region-test", AG, CallOutcome.TALKED_TO_STAFF);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // as a producer from before regions wrote it: no region field at all
            kafka.sendRaw(Topics.CALLS_REPORTED, "calls-region-test", """
                    {"schema_version": 1, "report_id": "%s", "petition_slug": "calls-region-test",
                     "target_name": "%s", "outcome": "NO_ANSWER",
                     "request": {"received_at": "2026-11-23T06:00:00Z", "client_ip": "198.51.100.7"}}"""
                    .formatted(UUID.randomUUID(), SENATOR));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> calls("calls-region-test").body("total", equalTo(4)));
        }

        assertThat(repository.byRegion("calls-region-test")).containsExactly(entry("US-NY", 2L), entry("US-CA", 1L),
                entry("unknown", 1L));
        calls("calls-region-test").body("by_target", equalTo(Map.of(
                SENATOR, Map.of("total", 2, "by_outcome", Map.of("LEFT_VOICEMAIL", 1, "NO_ANSWER", 1)),
                AG, Map.of("total", 2, "by_outcome", Map.of("TALKED_TO_STAFF", 1, "LINE_BUSY", 1)))));
        assertThat(repository.byRegion("no-such-petition")).isEmpty();
    }

    @Test
    void theConsoleAndTheDeliveryReportCountCallsByTargetOutcomeAndCallersRegion() throws Exception {
        countNewYorkAndCaliforniaCalls("calls-report-test", SENATOR, CallOutcome.TALKED_TO_STAFF);

        String session = ConsoleBrowser.logIn("test-admin-token");
        String page = given().cookie(ConsoleSessions.COOKIE, session).get("/console/petitions/calls-report-test")
                .then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
        assertThat(page).contains("Calls by target <span class=\"muted\">(3 reported)</span>",
                "<th class=\"num\">Talked to staff</th><th class=\"num\">Left voicemail</th>",
                "<tr><td>" + SENATOR + "</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td><td class=\"num\">2</td></tr>",
                "<tr><td>US-NY</td><td class=\"num\">2</td>", "<tr><td>US-CA</td><td class=\"num\">1</td>");

        // the extracted text runs a table's cells together: "Senator Alex Padilla11002"
        assertThat(pdfText("")).contains("Calls signers reported: 3", "Calls by the caller's state or region")
                .containsPattern(SENATOR + "\\s*1\\s*1\\s*0\\s*0\\s*2").containsPattern(AG + "\\s*0\\s*0\\s*0\\s*1\\s*1")
                .containsPattern("US-NY\\s+2").containsPattern("US-CA\\s+1");
        assertThat(pdfText("?region=US-NY")).as("a state's report counts the calls from that state")
                .contains("Calls signers reported: 2").containsPattern(SENATOR + "\\s*1\\s*1\\s*0\\s*0\\s*2")
                .doesNotContainPattern(AG + "\\s*0").doesNotContain("US-CA");
    }

    /**
     * A new petition with three calls counted: a voicemail for the senator from New York, {@code second} from New
     * York too, and the Attorney General's line busy for a Californian.
     */
    private void countNewYorkAndCaliforniaCalls(String slug, String second, CallOutcome secondOutcome) {
        PetitionCatalogTest.createPetition(slug);
        List<CallReported> calls = List.of(call(slug, SENATOR, CallOutcome.LEFT_VOICEMAIL, "US-NY"),
                call(slug, second, secondOutcome, "US-NY"), call(slug, AG, CallOutcome.LINE_BUSY, "US-CA"));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            calls.forEach(call -> kafka.send(Topics.CALLS_REPORTED, call.key(), call));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> calls(slug).body("total", equalTo(3)));
        }
    }

    private static String pdfText(String query) throws Exception {
        PdfReader reader = new PdfReader(given().header("Authorization", PetitionCatalogTest.ADMIN)
                .get("/api/admin/petitions/calls-report-test/report.pdf" + query).then().statusCode(200)
                .extract().asByteArray());
        PdfTextExtractor text = new PdfTextExtractor(reader);
        StringBuilder pages = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            pages.append(text.getTextFromPage(page)).append('\n');
        }
        return pages.toString();
    }

    @Test
    void poisonIsSetAsideAndTheReportsAroundItAreCounted() {
        PetitionCatalogTest.createPetition("calls-poison-test");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CallReported first = call("calls-poison-test", SENATOR, CallOutcome.NO_ANSWER);
            CallReported withoutId = call("calls-poison-test", null, SENATOR, CallOutcome.NO_ANSWER, null);
            CallReported last = call("calls-poison-test", AG, CallOutcome.NO_ANSWER);
            kafka.send(Topics.CALLS_REPORTED, first.key(), first);
            kafka.sendRaw(Topics.CALLS_REPORTED, "calls-poison-test", "{\"outcome\": \"SHOUTED\"}");
            kafka.send(Topics.CALLS_REPORTED, withoutId.key(), withoutId);
            kafka.send(Topics.CALLS_REPORTED, last.key(), last);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    calls("calls-poison-test").body("total", equalTo(2)));
            await().atMost(Duration.ofSeconds(15)).until(() -> kafka.read(
                            Topics.deadLetterOf(Topics.CALLS_REPORTED), 1000, Duration.ofMillis(500)).stream()
                    .filter(record -> record.key().equals("calls-poison-test")).count() == 2);
        }
    }

    @Test
    void anyPageMayReadTheCountOfAPetitionThatExists() {
        PetitionCatalogTest.createPetition("calls-empty-test");
        given().header("Origin", "https://news.example").get("/api/petitions/calls-empty-test/calls")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .body("total", equalTo(0)).body("by_target", anEmptyMap());
        given().get("/api/petitions/no-such-petition/calls").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse calls(String slug) {
        return given().get("/api/petitions/" + slug + "/calls").then().statusCode(200);
    }
}
