package org.petitionpipeline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.petitionpipeline.intake.IntakeFixtures.petition;
import static org.petitionpipeline.intake.IntakeFixtures.signature;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SignatureIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/petitions/open-one/signatures")
    URI endpoint;

    @BeforeEach
    void catalogHasAnOpenAndAClosedPetition() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "open-one", petition("open-one", PetitionStatus.OPEN));
            kafka.send(Topics.PETITIONS, "closed-one", petition("closed-one", PetitionStatus.CLOSED));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().contentType("application/json")
                .body(signature("Probe", "probe@example.org")).post("/api/petitions/closed-one/signatures")
                .then().statusCode(410));
    }

    @Test
    void validSignatureIsAcceptedOnlyOnceKafkaHoldsIt() {
        String submissionId = given().contentType("application/json").header("User-Agent", "embed-test")
                .body(signature("Jane", "  Jane.Doe@Example.ORG "))
                .when().post("/api/petitions/open-one/signatures")
                .then().statusCode(202).body("status", equalTo("received")).body("submission_id", notNullValue())
                .body("region", equalTo("US-DC"))
                .extract().path("submission_id");

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> records = kafka.read(Topics.SIGNATURES_SUBMITTED, 100,
                    Duration.ofSeconds(3)).stream().filter(r -> r.value().contains(submissionId)).toList();
            assertThat(records).hasSize(1);
            SubmittedSignature submitted = KafkaTestClient.parse(records.get(0).value(), SubmittedSignature.class);
            assertThat(records.get(0).key()).isEqualTo("open-one:" + submitted.emailHash())
                    .doesNotContainIgnoringCase("jane");
            assertThat(submitted.signer().email()).isEqualTo("Jane.Doe@Example.ORG");
            assertThat(submitted.signer().country()).isEqualTo("US");
            assertThat(submitted.petitionTitle()).isEqualTo("Tell the Attorney General: resign");
            assertThat(submitted.consent().emailUpdates()).isTrue();
            assertThat(submitted.request().userAgent()).isEqualTo("embed-test");
            assertThat(submitted.request().referrer()).isEqualTo("https://news.example/story");
            assertThat(submitted.consent().textVersion()).as("the petition's wording, not the client's word")
                    .isEqualTo("v1");
        }
    }

    @Test
    void theAnswerNamesTheSignersRegionOnlyWhereThePostalCodeTellsIt() {
        given().contentType("application/json").body(signature("Nia", "nia@example.org").replace("20500", "10001"))
                .post("/api/petitions/open-one/signatures").then().statusCode(202).body("region", equalTo("US-NY"));
        given().contentType("application/json")
                .body(signature("Otto", "otto@example.org").replace("\"country\": \"us\"", "\"country\": \"DE\""))
                .post("/api/petitions/open-one/signatures").then().statusCode(202).body("region", nullValue());
    }

    @Test
    void caseAndSpaceVariantsOfAnAddressShareOneKey() {
        given().contentType("application/json").body(signature("Sam", "sam@example.org"))
                .post("/api/petitions/open-one/signatures").then().statusCode(202);
        given().contentType("application/json").body(signature("Sam", " SAM@example.ORG"))
                .post("/api/petitions/open-one/signatures").then().statusCode(202);

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<String> keys = kafka.readValues(Topics.SIGNATURES_SUBMITTED, 100, Duration.ofSeconds(3),
                            SubmittedSignature.class).stream()
                    .filter(s -> s.signer().givenName().equals("Sam")).map(SubmittedSignature::key).distinct().toList();
            assertThat(keys).hasSize(1);
        }
    }

    @Test
    void embedCanReadThePetitionItShows() {
        given().get("/api/petitions/open-one")
                .then().statusCode(200).body("title", equalTo("Tell the Attorney General: resign"))
                .body("targets[0].title", equalTo("U.S. Attorney General"))
                .body("consent_text", equalTo("Email me updates"));
        given().get("/api/petitions/no-such-petition").then().statusCode(404);
    }

    @Test
    void unreadablePetitionGoesToTheDeadLetterTopicAndTheCatalogKeepsGoing() {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.sendRaw(Topics.PETITIONS, "broken-petition", "{\"slug\": \"broken-petition\", \"status\": 7");
            kafka.send(Topics.PETITIONS, "after-broken", petition("after-broken", PetitionStatus.OPEN));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().get("/api/petitions/after-broken").then().statusCode(200));
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.read(Topics.deadLetterOf(Topics.PETITIONS), 100,
                    Duration.ofMillis(500)).stream().anyMatch(r -> r.key().equals("broken-petition")));
        }
        given().get("/api/petitions/broken-petition").then().statusCode(404);
    }

    @Test
    void readyOnlyWithTheCatalogLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'petition catalog' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'petition catalog' }.data.petitions",
                        greaterThanOrEqualTo(2));
    }

    @Test
    void unknownPetitionIsNotFound() {
        given().contentType("application/json").body(signature("Jane", "jane@example.org"))
                .post("/api/petitions/no-such-petition/signatures")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("there is no petition 'no-such-petition'"));
    }

    @Test
    void closedPetitionIsGone() {
        given().contentType("application/json").body(signature("Jane", "jane@example.org"))
                .post("/api/petitions/closed-one/signatures")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("petition 'closed-one' is closed"));
    }

    @Test
    void aPetitionPastItsEndDateIsGone() {
        PetitionDefinition open = petition("ended-one", PetitionStatus.OPEN);
        PetitionDefinition ended = new PetitionDefinition(open.schemaVersion(), open.slug(), open.title(), open.text(),
                open.targets(), open.goal(), open.status(), open.consentText(), open.consentTextVersion(),
                open.requiredFields(), open.allowedOrigins(), false, false, Instant.parse("2026-01-01T00:00:00Z"),
                List.of(), open.updatedAt(), null, open.organization(), null, null, null);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PETITIONS, "ended-one", ended);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().contentType("application/json")
                .body(signature("Jane", "jane@example.org")).post("/api/petitions/ended-one/signatures")
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("petition 'ended-one' is closed: signing ended at 2026-01-01T00:00:00Z")));
    }

    @Test
    void headerInjectionInANameAndABrokenAddressAreNamedPerField() {
        given().contentType("application/json").body(signature("Jane\\r\\nBcc: all@example.org", "jane@@example"))
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("person.given_name"))
                .body("errors", hasKey("person.email_addresses"));
    }

    @Test
    void missingPersonIsUnprocessable() {
        given().contentType("application/json").body("{}")
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(422).body("errors", hasKey("person"));
    }

    @Test
    void brokenJsonIsABadRequestProblem() {
        given().contentType("application/json").body("{\"person\": {")
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not the JSON we expect"));
    }

    @Test
    void wellFormedJsonOfTheWrongShapeNamesTheField() {
        given().contentType("application/json").body("{\"person\": \"Jane\"}")
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.person", containsString("expected a JSON object"));
        given().contentType("application/json")
                .body("{\"person\": {\"given_name\": \"Jo\"}, \"consent\": {\"email_updates\": [1]}}")
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(400).body("errors", hasKey("consent.email_updates"));
    }

    @Test
    void wrongMediaTypeIsAProblem() {
        given().contentType("text/plain").body("sign me up")
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedBodyIsRefused() {
        given().contentType("application/json").body(signature("x".repeat(20_000), "jane@example.org"))
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void aPetitionCanRequireFieldsBeyondNameAndEmail() {
        IntakeFixtures.publish(bootstrapServers, petition("needs-postcode", PetitionStatus.OPEN,
                List.of(SignerField.POSTAL_CODE, SignerField.COUNTRY), List.of()));

        given().contentType("application/json")
                .body("{\"person\": {\"given_name\": \"Jo\", \"email_addresses\": [{\"address\": \"jo@example.org\"}]}}")
                .post("/api/petitions/needs-postcode/signatures")
                .then().statusCode(422)
                .body("errors.'person.postal_addresses.postal_code'", equalTo("required for this petition"))
                .body("errors.'person.postal_addresses.country'", equalTo("required for this petition"));
        given().contentType("application/json").body(signature("Jo", "jo@example.org"))
                .post("/api/petitions/needs-postcode/signatures").then().statusCode(202);
    }

    @Test
    void consentGivenToOlderWordingMustBeGivenAgain() {
        given().contentType("application/json")
                .body(signature("Jo", "jo.consent@example.org").replace("\"email_updates\": true",
                        "\"email_updates\": true, \"text_version\": \"v0\""))
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(422).body("errors", hasKey("consent.text_version"));
        given().contentType("application/json")
                .body(signature("Jo", "jo.consent@example.org").replace("\"email_updates\": true",
                        "\"email_updates\": true, \"text_version\": \"v1\""))
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(202);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        given().get("/api/petitions/open-one").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
        given().contentType("application/json").body(signature("x".repeat(20_000), "jane@example.org"))
                .post("/api/petitions/open-one/signatures")
                .then().statusCode(413).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aSignatureStreamedWithoutALengthIsTaken() throws Exception {
        byte[] body = signature("Chunked", "chunked@example.org").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void apiIsDocumentedWithOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/petitions/{slug}/signatures'.post.responses", hasKey("422"))
                .body("paths.'/api/petitions/{slug}/signatures'.post.responses", hasKey("503"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
