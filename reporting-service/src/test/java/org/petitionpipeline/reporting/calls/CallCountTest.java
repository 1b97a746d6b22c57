package org.petitionpipeline.reporting.calls;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
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
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The calls signers report from the embed's call step, counted once each, per target and outcome. */
@QuarkusTest
class CallCountTest {

    private static final String SENATOR = "Senator Alex Padilla";
    private static final String AG = "Office of the Attorney General";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static CallReported call(String slug, UUID reportId, String target, CallOutcome outcome) {
        return new CallReported(EventSchema.VERSION, reportId, slug, UUID.randomUUID(), target, outcome,
                new RequestFacts(Instant.parse("2026-11-23T06:00:00Z"), "198.51.100.7", "Test", null));
    }

    private static CallReported call(String slug, String target, CallOutcome outcome) {
        return call(slug, UUID.randomUUID(), target, outcome);
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
    void poisonIsSetAsideAndTheReportsAroundItAreCounted() {
        PetitionCatalogTest.createPetition("calls-poison-test");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CallReported first = call("calls-poison-test", SENATOR, CallOutcome.NO_ANSWER);
            CallReported withoutId = call("calls-poison-test", null, SENATOR, CallOutcome.NO_ANSWER);
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
