package org.petitionpipeline.reporting.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.service.ReportLinks;
import org.petitionpipeline.testsupport.KafkaTestClient;

/** The test profile's milestones are totals of 3 and 5. */
@QuarkusTest
class ReportReadyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReportLinks links;

    private static void createPetitionWithOrganizer(String slug) {
        given().header("Authorization", PetitionCatalogTest.ADMIN).contentType("application/json")
                .body(PetitionCatalogTest.petitionJson(slug)
                        .replace("\"goal\": 100000",
                                "\"goal\": 100000, \"organizer_emails\": [\"organizer@example.org\"]"))
                .post("/api/admin/petitions").then().statusCode(201);
    }

    private static List<ReportReady> announced(KafkaTestClient kafka, String slug) {
        return kafka.read(Topics.REPORTS_READY, 10_000, Duration.ofMillis(500)).stream()
                .filter(record -> record.key().equals(slug))
                .map(record -> KafkaTestClient.parse(record.value(), ReportReady.class))
                .toList();
    }

    /** The link as a path and query on this test's port. */
    private static String local(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void aMilestoneAnnouncesOneReportWhoseLinkDownloadsTheCsvItsDigestNames() throws Exception {
        createPetitionWithOrganizer("report-ready-test");
        List<CountedSignature> signatures = IntStream.range(0, 3).mapToObj(i -> DeliveryReportTest.signed(
                "report-ready-test", "Signer" + i, "Doe", "US-CA", null, "2026-11-22T1" + i + ":00:00Z")).toList();
        List<ReportReady> reports;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            signatures.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            InvalidationTest.awaitTotal("report-ready-test", 3);
            signatures.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            await().atMost(Duration.ofSeconds(20)).until(() -> announced(kafka, "report-ready-test"),
                    list -> !list.isEmpty());
            // and no other comes for the replayed signatures
            reports = await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> announced(kafka, "report-ready-test"), list -> list.size() == 1);
        }
        ReportReady report = reports.get(0);
        assertThat(report.milestone()).isEqualTo(3);
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.recipients()).containsExactly("organizer@example.org");
        assertThat(report.petitionTitle()).isEqualTo("Tell the Attorney General: resign");

        byte[] csv = given().get(local(report.downloadUrl())).then().statusCode(200).extract().asByteArray();
        DeliveryReportTest.TargetsCheck check = DeliveryReportTest.TargetsCheck.of(csv);
        assertThat(check.sha256()).isEqualTo(report.csvSha256());
        assertThat(check.rows()).isEqualTo(3);
        given().get(local(report.downloadUrl()).replace("/report.csv?", "/report.pdf?")).then().statusCode(200)
                .contentType("application/pdf");
        given().get(local(report.downloadUrl()).replace("/report.csv?", "/report.manifest.json?")).then()
                .statusCode(200).body("csv_sha256", equalTo(report.csvSha256()));
    }

    @Test
    void aForgedOrWidenedLinkIsRefusedAndAnExpiredOneIsGone() {
        PetitionCatalogTest.createPetition("report-link-test");
        ReportScope scope = new ReportScope("report-link-test", null, Instant.parse("2026-11-22T10:00:00Z"));
        String valid = local(links.csvLinkExpiringAt(scope, Instant.now().plusSeconds(600)));
        given().get(valid).then().statusCode(200);

        String signature = valid.substring(valid.indexOf("signature=") + "signature=".length());
        String forged = valid.replace(signature, (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));
        for (String refused : List.of(forged, valid.replace("2026-11-22T10:00:00Z", "2026-11-23T10:00:00Z"),
                valid.replace("report.csv?", "report.csv?region=US-CA&"), valid.replace("report-link-test",
                        "milestone-test"), valid.replace("&signature=" + signature, ""),
                valid.replaceFirst("expires=\\d+", "expires=" + Long.MAX_VALUE),
                valid.replaceFirst("expires=\\d+", "expires=soon"))) {
            given().get(refused).then().statusCode(403).contentType("application/problem+json");
        }
        String expired = local(links.csvLinkExpiringAt(scope, Instant.now().minusSeconds(1)));
        given().get(expired).then().statusCode(410).contentType("application/problem+json");
        given().get("/api/reports/report-link-test/report.pdf?as_of=not-a-time&expires=1&signature=x").then()
                .statusCode(403);
    }
}
