package org.petitionpipeline.reporting.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.PetitionAnonymized;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.config.MovableClock;
import org.petitionpipeline.reporting.erasure.PersonErasureTest.Person;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class RetentionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    RetentionJob job;

    @Inject
    MeterRegistry metrics;

    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void controlTheClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aClosedPetitionIsAnonymizedOnceItsPeriodRanOutAndAnnouncedOnceEvenByTwoRoundsAtOnce() throws Exception {
        String slug = "retention-due-test";
        createWithRetention(slug, 30);
        Person ann = Person.fresh("ann");
        Person bob = Person.fresh("bob");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (Person person : List.of(ann, bob)) {
                CountedSignature signature = person.signs(slug, clock.instant().minus(1, ChronoUnit.HOURS));
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            InvalidationTest.awaitTotal(slug, 2);
            String closedAt = asOrganizer().post("/api/admin/petitions/" + slug + "/close").then().statusCode(200)
                    .body("anonymized_at", nullValue()).extract().path("closed_at");
            Instant anonymizeAfter = Instant.parse(closedAt).plus(Duration.ofDays(30));
            asOrganizer().get("/api/admin/petitions/" + slug).then()
                    .body("anonymize_after", equalTo(anonymizeAfter.toString()));
            String figuresBefore = figures(slug);
            double petitionsBefore = counter("retention.petitions.anonymized");
            double signaturesBefore = counter("retention.signatures.anonymized");

            clock.set(anonymizeAfter.minus(1, ChronoUnit.HOURS));
            job.anonymizeDue();
            assertThat(names(slug)).as("not due yet: the names stay")
                    .containsExactlyInAnyOrder(ann.givenName(), bob.givenName());

            clock.set(anonymizeAfter.plus(1, ChronoUnit.HOURS));
            bothAtOnce(job::anonymizeDue, job::anonymizeDue);
            job.anonymizeDue();

            assertThat(names(slug)).as("due: no row names anyone").containsOnlyNulls().hasSize(2);
            assertThat(leftOf(slug)).as("region, country and time stay").containsOnly("US-CA US true");
            assertThat(figures(slug)).as("no figure moves").isEqualTo(figuresBefore);
            asOrganizer().get("/api/admin/petitions/" + slug).then()
                    .body("anonymized_at", equalTo(clock.instant().truncatedTo(ChronoUnit.MICROS).toString()));
            assertThat(counter("retention.petitions.anonymized") - petitionsBefore).isEqualTo(1);
            assertThat(counter("retention.signatures.anonymized") - signaturesBefore).isEqualTo(2);

            List<PetitionAnonymized> announced = await().atMost(Duration.ofSeconds(30))
                    .until(() -> announcementsOf(kafka, slug), list -> !list.isEmpty());
            assertThat(announced).hasSize(1);
            assertThat(announced.get(0).closedAt()).isEqualTo(Instant.parse(closedAt));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> announcementsOf(kafka, slug).size() == 1);
        }
    }

    @Test
    void anOpenPetitionWithoutEndDateIsNeverDueAndAClosedOneWithoutDaysKeepsTheDeploymentsPeriod() {
        PetitionCatalogTest.createPetition("retention-open-test");
        PetitionCatalogTest.createPetition("retention-default-test");
        asOrganizer().get("/api/admin/petitions/retention-open-test").then()
                .body("retention_days", nullValue()).body("closed_at", nullValue())
                .body("anonymize_after", nullValue());
        String closedAt = asOrganizer().post("/api/admin/petitions/retention-default-test/close").then()
                .statusCode(200).extract().path("closed_at");
        Instant deploymentsEnd = Instant.parse(closedAt).plus(Duration.ofDays(180));
        asOrganizer().get("/api/admin/petitions/retention-default-test").then()
                .body("anonymize_after", equalTo(deploymentsEnd.toString()));

        clock.set(deploymentsEnd.minusSeconds(60));
        job.anonymizeDue();
        asOrganizer().get("/api/admin/petitions/retention-default-test").then().body("anonymized_at", nullValue());
        asOrganizer().get("/api/admin/petitions/retention-open-test").then().body("anonymized_at", nullValue());
    }

    @Test
    void aPetitionPastItsEndDateIsDueWithoutBeingClosed() throws Exception {
        String slug = "retention-ends-test";
        Instant endsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String petition = withRetention(slug, "10");
        asOrganizer().body(petition.substring(0, petition.lastIndexOf('}')) + ", \"ends_at\": \"" + endsAt + "\"}")
                .post("/api/admin/petitions").then().statusCode(201);
        Instant anonymizeAfter = endsAt.plus(Duration.ofDays(10));
        asOrganizer().get("/api/admin/petitions/" + slug).then().body("status", equalTo("OPEN"))
                .body("closed_at", nullValue()).body("anonymize_after", equalTo(anonymizeAfter.toString()));
        Person eve = Person.fresh("eve");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            CountedSignature signature = eve.signs(slug, clock.instant());
            kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            InvalidationTest.awaitTotal(slug, 1);
        }

        clock.set(anonymizeAfter.minusSeconds(60));
        job.anonymizeDue();
        assertThat(names(slug)).as("not due yet").containsExactly(eve.givenName());

        clock.set(anonymizeAfter.plusSeconds(60));
        job.anonymizeDue();
        assertThat(names(slug)).as("due without a close").containsOnlyNulls().hasSize(1);
    }

    @Test
    void anOrganizerMayOnlyShortenThePeriod() {
        for (String days : List.of("180", "365", "0", "-1")) {
            asOrganizer().body(withRetention("retention-bad-test", days)).post("/api/admin/petitions")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors", hasKey("retention_days"));
        }
        asOrganizer().get("/api/admin/petitions/retention-bad-test").then().statusCode(404);

        createWithRetention("retention-update-test", 90);
        asOrganizer().body(withRetention("retention-update-test", "181")).put("/api/admin/petitions/retention-update-test")
                .then().statusCode(422).body("errors", hasKey("retention_days"));
        asOrganizer().body(withRetention("retention-update-test", "7")).put("/api/admin/petitions/retention-update-test")
                .then().statusCode(200).body("retention_days", equalTo(7));
    }

    private static void createWithRetention(String slug, int days) {
        asOrganizer().body(withRetention(slug, String.valueOf(days))).post("/api/admin/petitions")
                .then().statusCode(201).body("retention_days", equalTo(days));
    }

    private static String withRetention(String slug, String days) {
        String petition = PetitionCatalogTest.petitionJson(slug);
        return petition.substring(0, petition.lastIndexOf('}')) + ", \"retention_days\": " + days + "}";
    }

    private static RequestSpecification asOrganizer() {
        return given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json");
    }

    private static String figures(String slug) {
        return asOrganizer().get("/api/admin/petitions/" + slug + "/stats").asString()
                + asOrganizer().get("/api/admin/petitions/" + slug + "/breakdown").asString();
    }

    private static void bothAtOnce(Runnable first, Runnable second) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> awaitThen(start, first));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> awaitThen(start, second));
        start.countDown();
        CompletableFuture.allOf(one, two).join();
    }

    private static void awaitThen(CountDownLatch start, Runnable work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        work.run();
    }

    private double counter(String name) {
        return metrics.counter(name).count();
    }

    private static List<PetitionAnonymized> announcementsOf(KafkaTestClient kafka, String slug) {
        return kafka.read(Topics.PETITIONS_ANONYMIZED, 10_000, Duration.ofMillis(500)).stream()
                .filter(record -> record.key().equals(slug))
                .map(record -> KafkaTestClient.parse(record.value(), PetitionAnonymized.class))
                .toList();
    }

    /** Given names and, in the same rows, every other personal column: null once anonymized. */
    private List<String> names(String slug) throws Exception {
        return column(slug, "coalesce(given_name, family_name, postal_code, comment, email_hash)");
    }

    private List<String> leftOf(String slug) throws Exception {
        return column(slug, "region || ' ' || country || ' ' || (erased_at is not null)::text");
    }

    private List<String> column(String slug, String expression) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select " + expression + " from reporting.signer where petition_slug = ?")) {
            query.setString(1, slug);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
