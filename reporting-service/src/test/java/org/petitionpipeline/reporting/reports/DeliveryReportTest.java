package org.petitionpipeline.reporting.reports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.InvalidationTest;
import org.petitionpipeline.reporting.counting.VerifiedCountTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

@QuarkusTest
class DeliveryReportTest {

    private static final String HEADER =
            "signed_at,given_name,family_name,postal_code,region,country,comment,signature_id";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static CountedSignature signed(String slug, String given, String family, String region, String comment,
            String signedAt) {
        String emailHash = UUID.randomUUID().toString();
        return new CountedSignature(EventSchema.VERSION, UUID.randomUUID(), slug, emailHash, given, family, "94110",
                "US", region, comment, Instant.parse(signedAt));
    }

    private static Response report(String slug, String file, String query) {
        return given().header("Authorization", PetitionCatalogTest.ADMIN)
                .get("/api/admin/petitions/" + slug + "/" + file + query);
    }

    @Test
    void theCsvListsCountedSignersInSigningOrderWithoutStruckOutOnesAndGivesTheSameBytesAgain() {
        PetitionCatalogTest.createPetition("report-csv-test");
        CountedSignature ada = signed("report-csv-test", "Ada", "Lovelace", "US-CA", "Please, act \"now\"",
                "2026-11-20T09:00:00Z");
        CountedSignature formula = signed("report-csv-test", "=cmd", "@SUM(A1)", "us-ny",
                "line one\r\nline two", "2026-11-20T08:00:00Z");
        CountedSignature struckOut = signed("report-csv-test", "Mallory", "Bot", "US-CA", null,
                "2026-11-20T10:00:00Z");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List.of(ada, formula, struckOut).forEach(signature ->
                    kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature));
            InvalidationTest.awaitTotal("report-csv-test", 3);
            kafka.send(Topics.SIGNATURES_INVALIDATED, struckOut.key(), InvalidationTest.invalidated(struckOut));
            InvalidationTest.awaitTotal("report-csv-test", 2);
            kafka.send(Topics.SIGNATURES_COUNTED, ada.key(), ada);
        }

        Response first = report("report-csv-test", "report.csv", "");
        first.then().statusCode(200).contentType("text/csv");
        String asOf = first.header("Report-As-Of");
        assertThat(first.asString()).isEqualTo(HEADER + "\r\n"
                + "2026-11-20T08:00:00Z,'=cmd,'@SUM(A1),94110,US-NY,US,line one  line two," + formula.signatureId()
                + "\r\n"
                + "2026-11-20T09:00:00Z,Ada,Lovelace,94110,US-CA,US,\"Please, act \"\"now\"\"\"," + ada.signatureId()
                + "\r\n");
        byte[] again = report("report-csv-test", "report.csv", "?as_of=" + asOf).asByteArray();
        assertThat(again).isEqualTo(first.asByteArray());
    }

    @Test
    void theManifestVouchesForTheCsvAsATargetWouldCheckIt() throws Exception {
        PetitionCatalogTest.createPetition("report-manifest-test");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (int i = 0; i < 5; i++) {
                CountedSignature signature = signed("report-manifest-test", "Signer" + i, "Doe", "US-TX",
                        "comment " + i, "2026-11-21T0" + i + ":30:00Z");
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
            }
            InvalidationTest.awaitTotal("report-manifest-test", 5);
        }
        String asOf = Instant.now().minusMillis(1).toString();
        byte[] csv = report("report-manifest-test", "report.csv", "?as_of=" + asOf).asByteArray();
        Response manifest = report("report-manifest-test", "report.manifest.json", "?as_of=" + asOf);
        manifest.then().statusCode(200).body("petition", equalTo("report-manifest-test"))
                .body("as_of", equalTo(asOf)).body("rows", equalTo(5));

        TargetsCheck check = TargetsCheck.of(csv);
        assertThat(check.rows()).isEqualTo(5);
        assertThat(manifest.path("csv_sha256").toString()).isEqualTo(check.sha256());
        assertThat(manifest.path("chain_head").toString()).isEqualTo(check.chainHead());

        // one byte changed anywhere and the chain's last link is another
        byte[] altered = csv.clone();
        altered[altered.length - 10] ^= 1;
        assertThat(TargetsCheck.of(altered).chainHead()).isNotEqualTo(check.chainHead());
    }

    @Test
    void aRegionsReportListsOnlyItsSigners() {
        PetitionCatalogTest.createPetition("report-region-test");
        CountedSignature californian = signed("report-region-test", "Cal", "Ifornia", "US-CA", null,
                "2026-11-21T10:00:00Z");
        CountedSignature texan = signed("report-region-test", "Tex", "As", "US-TX", null, "2026-11-21T11:00:00Z");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_COUNTED, californian.key(), californian);
            kafka.send(Topics.SIGNATURES_COUNTED, texan.key(), texan);
            InvalidationTest.awaitTotal("report-region-test", 2);
        }
        String csv = report("report-region-test", "report.csv", "?region=us-ca").asString();
        assertThat(csv).contains("Ifornia").doesNotContain("Tex");
        report("report-region-test", "report.manifest.json", "?region=US-CA").then()
                .body("region", equalTo("US-CA")).body("rows", equalTo(1));
    }

    @Test
    void thePdfCarriesTheCoverFiguresAndTheSigners() throws Exception {
        PetitionCatalogTest.createPetition("report-pdf-test");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (int i = 0; i < 3; i++) {
                CountedSignature signature = signed("report-pdf-test", "Zoë" + i, "Łukasiewicz", "US-CA",
                        "signed at hour " + i, "2026-11-21T1" + i + ":15:00Z");
                kafka.send(Topics.SIGNATURES_COUNTED, signature.key(), signature);
                if (i == 0) {
                    kafka.send(Topics.SIGNATURES_VERIFIED, signature.key(), VerifiedCountTest.verified(signature));
                }
            }
            InvalidationTest.awaitTotal("report-pdf-test", 3);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                    .header("Authorization", PetitionCatalogTest.ADMIN).get("/api/admin/petitions/report-pdf-test/stats")
                    .then().body("verified", equalTo(1)));
        }
        Response pdf = report("report-pdf-test", "report.pdf", "");
        pdf.then().statusCode(200).contentType("application/pdf");
        String asOf = pdf.header("Report-As-Of");
        String sha256 = report("report-pdf-test", "report.manifest.json", "?as_of=" + asOf).path("csv_sha256");

        PdfReader reader = new PdfReader(pdf.asByteArray());
        PdfTextExtractor text = new PdfTextExtractor(reader);
        String cover = text.getTextFromPage(1);
        assertThat(cover).contains("Tell the Attorney General: resign", "U.S. Attorney General", "Signatures", "3",
                sha256, asOf).containsPattern("Verified \\(address confirmed\\)\\s*1\\b");
        // the US states' map above the table, with its legend: places without signatures, and the one class of 3
        assertThat(text.getTextFromPage(2)).contains("US-CA", "no signatures");
        assertThat(text.getTextFromPage(reader.getNumberOfPages())).contains("Zoë1 Łukasiewicz", "signed at hour 2");
    }

    @Test
    void reportsNeedTheOrganizerTokenAndRefuseWhatTheyCannotMake() {
        PetitionCatalogTest.createPetition("report-refusal-test");
        given().get("/api/admin/petitions/report-refusal-test/report.csv").then().statusCode(401);
        report("no-such-petition", "report.pdf", "").then().statusCode(404);
        report("report-refusal-test", "report.csv", "?as_of=yesterday").then().statusCode(422)
                .contentType("application/problem+json").body("errors", hasKey("as_of"));
        report("report-refusal-test", "report.csv", "?as_of=" + Instant.now().plusSeconds(3600)).then()
                .statusCode(422).body("errors", hasKey("as_of"));
        report("report-refusal-test", "report.manifest.json", "?region=California';--").then().statusCode(422)
                .body("errors", hasKey("region"));
    }

    /** The check a target runs on a delivered CSV, written here apart from the code that produced it. */
    record TargetsCheck(long rows, String sha256, String chainHead) {

        static TargetsCheck of(byte[] csv) throws Exception {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            String sha256 = java.util.HexFormat.of().formatHex(digest.digest(csv));
            String[] lines = new String(csv, StandardCharsets.UTF_8).split("\r\n", -1);
            byte[] link = digest.digest((lines[0] + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i < lines.length - 1; i++) {
                digest.update(link);
                link = digest.digest((lines[i] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            return new TargetsCheck(lines.length - 2, sha256, java.util.HexFormat.of().formatHex(link));
        }
    }
}
