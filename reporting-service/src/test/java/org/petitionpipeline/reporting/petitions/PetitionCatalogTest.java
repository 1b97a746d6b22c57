package org.petitionpipeline.reporting.petitions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.SignerField;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
public class PetitionCatalogTest {

    public static final String ADMIN = "Bearer test-admin-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    public static String petitionJson(String slug) {
        return """
                {"slug": "%s", "title": "Tell the Attorney General: resign",
                 "text": "We call on the Attorney General to resign.",
                 "targets": [{"name": "Office of the Attorney General", "title": "U.S. Attorney General"}],
                 "goal": 100000}""".formatted(slug);
    }

    public static void createPetition(String slug) {
        given().header("Authorization", ADMIN).contentType("application/json").body(petitionJson(slug))
                .post("/api/admin/petitions").then().statusCode(201);
    }

    @Test
    void organizerCreatesAPetitionAndTheCatalogTopicCarriesIt() {
        given().header("Authorization", ADMIN).contentType("application/json").body(petitionJson("catalog-test"))
                .when().post("/api/admin/petitions")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/petitions/catalog-test"))
                .body("status", equalTo("OPEN"));

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, String>> published = kafka.read(Topics.PETITIONS, 50, Duration.ofSeconds(3))
                    .stream().filter(record -> record.key().equals("catalog-test")).toList();
            assertThat(published).isNotEmpty();
            PetitionDefinition petition = KafkaTestClient.parse(published.get(published.size() - 1).value(),
                    PetitionDefinition.class);
            assertThat(petition.title()).isEqualTo("Tell the Attorney General: resign");
            assertThat(petition.status()).isEqualTo(PetitionStatus.OPEN);
            assertThat(petition.targets().get(0).title()).isEqualTo("U.S. Attorney General");
            assertThat(petition.consentTextVersion()).isNotBlank();
        }

        given().when().get("/api/petitions/catalog-test/total")
                .then().statusCode(200).body("total", equalTo(0)).body("goal", equalTo(100000));
    }

    @Test
    void requiredSignerFieldsAndEmbeddingOriginsReachTheCatalog() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(petitionJson("fields-test").replace("\"goal\": 100000", "\"goal\": 10, "
                        + "\"required_fields\": [\"postal_code\", \"country\"], "
                        + "\"allowed_origins\": [\"https://news.example\"]"))
                .post("/api/admin/petitions").then().statusCode(201)
                .body("required_fields", contains("postal_code", "country"))
                .body("allowed_origins", contains("https://news.example"));

        given().header("Authorization", ADMIN).get("/api/admin/petitions").then().statusCode(200)
                .body("find { it.slug == 'fields-test' }.required_fields", contains("postal_code", "country"));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> kafka.readValues(Topics.PETITIONS, 100,
                            Duration.ofSeconds(1), PetitionDefinition.class).stream()
                    .anyMatch(petition -> petition.slug().equals("fields-test")
                            && petition.requiredFields().equals(List.of(SignerField.POSTAL_CODE, SignerField.COUNTRY))
                            && petition.allowedOrigins().equals(List.of("https://news.example"))));
        }
    }

    @Test
    void embeddingOriginsMustBeOrigins() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(petitionJson("origin-test").replace("\"goal\": 100000",
                        "\"goal\": 10, \"allowed_origins\": [\"https://news.example/page\", \"news.example\"], "
                        + "\"required_fields\": [\"postal_code\"]"))
                .post("/api/admin/petitions")
                .then().statusCode(422).body("errors", hasKey("allowed_origins[0]"))
                .body("errors", hasKey("allowed_origins[1]"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(petitionJson("field-test").replace("\"goal\": 100000",
                        "\"goal\": 10, \"required_fields\": [\"shoe_size\"]"))
                .post("/api/admin/petitions")
                .then().statusCode(400).body("errors", hasKey("required_fields[0]"));
    }

    @Test
    void petitionStoredButNeverPublishedReachesTheCatalogTopicLater() throws Exception {
        // as after a crash between the commit and the publish: the row exists, the topic has never seen it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into reporting.petition (slug, title, text, targets, goal, status, consent_text,
                            consent_text_version, created_at, updated_at, organization)
                        values ('stranded', 'Stranded', 'Text', '[]', 10, 'OPEN', 'Consent', 'v1', now(), now(),
                            'default')""")) {
            insert.executeUpdate();
        }

        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> kafka.read(Topics.PETITIONS, 100, Duration.ofSeconds(1))
                    .stream().anyMatch(record -> record.key().equals("stranded")));
        }
    }

    @Test
    void sameSlugTwiceIsAConflict() {
        given().header("Authorization", ADMIN).contentType("application/json").body(petitionJson("taken"))
                .post("/api/admin/petitions").then().statusCode(201);

        given().header("Authorization", ADMIN).contentType("application/json").body(petitionJson("taken"))
                .post("/api/admin/petitions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("a petition with slug 'taken' already exists"));
    }

    @Test
    void invalidPetitionNamesEveryBadField() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"slug\": \"Bad Slug!\", \"title\": \"\", \"goal\": 0}")
                .post("/api/admin/petitions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasKey("slug")).body("errors", hasKey("title")).body("errors", hasKey("text"))
                .body("errors", hasKey("targets")).body("errors", hasKey("goal"));
    }

    @Test
    void ownConsentWordingNeedsAVersionAndTitlesAreOneLine() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(petitionJson("consent-test").replace("\"goal\": 100000",
                        "\"goal\": 10, \"consent_text\": \"Keep me posted\""))
                .post("/api/admin/petitions")
                .then().statusCode(422).body("errors", hasKey("consent_text_version"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(petitionJson("title-test").replace("Tell the Attorney General: resign", "Resign\\r\\nBcc: x@y.z"))
                .post("/api/admin/petitions")
                .then().statusCode(422).body("errors", hasKey("title"));
    }

    @Test
    void adminApiRefusesMissingOrWrongToken() {
        given().contentType("application/json").body(petitionJson("no-token"))
                .post("/api/admin/petitions")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer test-admin-tokem").get("/api/admin/petitions")
                .then().statusCode(401);
        given().header("Authorization", ADMIN).get("/api/admin/petitions").then().statusCode(200);
    }

    @Test
    void unknownPetitionHasNoTotal() {
        given().get("/api/petitions/no-such-petition/total")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("there is no petition 'no-such-petition'"));
    }

    @Test
    void opsCanScrapePrometheusMetrics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("kafka_consumer"));
    }
}
