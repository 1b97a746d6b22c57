package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.petitionpipeline.intake.IntakeFixtures.signature;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.testsupport.KafkaTestResource;

/** Bots and floods are refused before anything is published, and ops can count them by reason. */
@QuarkusTest
@TestProfile(AbuseDefenceTest.TightLimits.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = true)
class AbuseDefenceTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "intake.defence.trusted-proxies", "127.0.0.1/32,::1/128",
                    "intake.defence.per-ip.burst", "3",
                    "intake.defence.per-ip.per-minute", "1",
                    "intake.defence.per-email.burst", "2",
                    "intake.defence.per-email.per-minute", "1",
                    "intake.defence.min-fill-time", "3s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void petitionIsOpen() {
        IntakeFixtures.publish(bootstrapServers, IntakeFixtures.petition("abuse-petition", PetitionStatus.OPEN));
    }

    private static ValidatableResponse post(String clientIp, String body) {
        return given().contentType("application/json").header("X-Forwarded-For", clientIp).body(body)
                .post("/api/petitions/abuse-petition/signatures").then();
    }

    @Test
    void aFilledHoneypotIsRefusedAndNothingIsPublished() {
        post("198.51.100.1", signature("Honey", "honey@example.org").replaceFirst("\\{", "{\"homepage\": \"http://spam.example\","))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("automated")).body("errors", nullValue());

        assertThat(IntakeFixtures.submitted(bootstrapServers, "abuse-petition"))
                .noneMatch(submitted -> submitted.signer().givenName().equals("Honey"));
    }

    @Test
    void aFormSubmittedFasterThanAnyoneTypesIsRefused() {
        String renderedJustNow = signature("Speedy", "speedy@example.org")
                .replaceFirst("\\{", "{\"form_rendered_at\": \"" + Instant.now() + "\",");
        post("198.51.100.2", renderedJustNow).statusCode(422).body("errors", hasKey("form_rendered_at"));

        String renderedAMinuteAgo = signature("Patient", "patient@example.org")
                .replaceFirst("\\{", "{\"form_rendered_at\": \"" + Instant.now().minusSeconds(60) + "\",");
        post("198.51.100.2", renderedAMinuteAgo).statusCode(202);

        String renderedByAClockRunningAMinuteFast = signature("Fast Clock", "fastclock@example.org")
                .replaceFirst("\\{", "{\"form_rendered_at\": \"" + Instant.now().plusSeconds(60) + "\",");
        // the signer's clock runs ahead of ours: that says nothing about how fast they typed
        post("198.51.100.2", renderedByAClockRunningAMinuteFast).statusCode(202);
    }

    @Test
    void anIpv6ClientSharesOneBucketAcrossItsSlash64() {
        for (int i = 0; i < 3; i++) {
            post("2001:db8:1:2::" + (i + 1), signature("Six", "six" + i + "@example.org")).statusCode(202);
        }
        post("2001:db8:1:2::ffff", signature("Six", "six9@example.org")).statusCode(429);
        post("2001:db8:1:3::1", signature("Six", "six10@example.org")).statusCode(202);
    }

    @Test
    void oneClientOverItsRateGets429WithRetryAfterWhileOthersSignOn() {
        for (int i = 0; i < 3; i++) {
            post("203.0.113.7", signature("Flood", "flood" + i + "@example.org")).statusCode(202);
        }
        String retryAfter = post("203.0.113.7", signature("Flood", "flood9@example.org"))
                .statusCode(429).contentType("application/problem+json").extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);

        post("203.0.113.8", signature("Neighbour", "neighbour@example.org")).statusCode(202);
    }

    @Test
    void forwardedForIsBelievedFromTheRightOnlyAsFarAsTrustedProxiesGo() {
        // the client wrote the left entry itself; the trusted proxy (the direct peer) appended the real one
        post("1.2.3.4, 192.0.2.44", signature("Forwarded", "forwarded@example.org")).statusCode(202);

        assertThat(IntakeFixtures.submitted(bootstrapServers, "abuse-petition"))
                .filteredOn(submitted -> submitted.signer().givenName().equals("Forwarded"))
                .singleElement().extracting(submitted -> submitted.request().clientIp()).isEqualTo("192.0.2.44");
    }

    @Test
    void onePersonResubmittingInALoopIsLimited() {
        for (int i = 0; i < 2; i++) {
            post("198.51.100." + (10 + i), signature("Loop", "loop@example.org")).statusCode(202);
        }
        post("198.51.100.20", signature("Loop", "LOOP@example.org")).statusCode(429);
    }

    @Test
    void refusalsAreCountedByReasonForOps() {
        post("198.51.100.30", signature("Counted", "counted@example.org").replaceFirst("\\{", "{\"homepage\": \"x\","))
                .statusCode(422);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("intake_signatures_refused_total\\{reason=\"honeypot\"\\} [1-9]");
        assertThat(metrics).contains("intake_signatures_accepted_total");
    }
}
