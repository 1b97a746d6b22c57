package org.petitionpipeline.reporting.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.erasure.PersonErasureTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.service.ReportLinks;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class ReportAfterErasureTest {

    private static final String SLUG = "report-erasure-test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReportLinks links;

    private static Response admin(String file, String asOf) {
        return given().header("Authorization", PetitionCatalogTest.ADMIN)
                .get("/api/admin/petitions/" + SLUG + "/" + file + "?as_of=" + asOf);
    }

    @Test
    void aReportRegeneratedAfterAnErasureLeavesTheSignerOutCountsThemAndSaysHowManyWentSinceItsAsOf()
            throws Exception {
        PetitionCatalogTest.createPetition(SLUG);
        CountedSignature erased = DeliveryReportTest.signed(SLUG, "Erasmus", "Gone", "US-CA", "forget me",
                "2026-11-24T09:00:00Z");
        List<CountedSignature> staying = List.of(
                DeliveryReportTest.signed(SLUG, "Ada", "Stays", "US-CA", null, "2026-11-24T08:00:00Z"),
                DeliveryReportTest.signed(SLUG, "Bo", "Stays", "US-NY", null, "2026-11-24T10:00:00Z"));
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, erased.key(), erased);
            staying.forEach(signature -> kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            InvalidationTest.awaitTotal(SLUG, 3);

            String asOf = Instant.now().minusMillis(1).toString();
            byte[] delivered = admin("report.csv", asOf).asByteArray();
            Response deliveredManifest = admin("report.manifest.json", asOf);
            assertThat(new String(delivered, StandardCharsets.UTF_8)).contains("Erasmus");
            assertThat((Integer) deliveredManifest.path("rows")).isEqualTo(3);
            assertThat((Integer) deliveredManifest.path("erased_since_as_of")).isZero();

            PersonErasureTest.erase(kafka, PersonErasureTest.erasureOf(erased.emailHash(), Instant.now()));

            // the copy delivered before still checks against the manifest it came with
            assertThat(DeliveryReportTest.TargetsCheck.of(delivered).sha256())
                    .isEqualTo(deliveredManifest.path("csv_sha256"));
            byte[] regenerated = admin("report.csv", asOf).asByteArray();
            assertThat(new String(regenerated, StandardCharsets.UTF_8)).doesNotContain("Erasmus", "Gone", "forget me")
                    .contains("Ada", "Bo");
            ScopeManifest now = ScopeManifest.of(admin("report.manifest.json", asOf));
            assertThat(now).isEqualTo(new ScopeManifest(2, 1, DeliveryReportTest.TargetsCheck.of(regenerated)
                    .sha256()));
            // the same through the link mailed to the organizers
            String link = links.csvLinkExpiringAt(new ReportScope(SLUG, null, Instant.parse(asOf)),
                    Instant.now().plusSeconds(600)).replace("/report.csv?", "/report.manifest.json?");
            URI uri = URI.create(link);
            assertThat(ScopeManifest.of(given().get(uri.getRawPath() + "?" + uri.getRawQuery()))).isEqualTo(now);

            // a report as of after the erasure never listed them: nothing erased since its as_of
            String later = Instant.now().minusMillis(1).toString();
            assertThat(ScopeManifest.of(admin("report.manifest.json", later)).erasedSinceAsOf()).isZero();
            // and they still count
            InvalidationTest.awaitTotal(SLUG, 3);
            String cover = new PdfTextExtractor(new PdfReader(admin("report.pdf", asOf).asByteArray()))
                    .getTextFromPage(1);
            assertThat(cover).containsPattern("Signatures\\s*3\\b");
        }
    }

    /** The manifest's fields this test is about. */
    record ScopeManifest(int rows, int erasedSinceAsOf, String csvSha256) {

        static ScopeManifest of(Response manifest) {
            manifest.then().statusCode(200);
            return new ScopeManifest(manifest.path("rows"), manifest.path("erased_since_as_of"),
                    manifest.path("csv_sha256"));
        }
    }
}
