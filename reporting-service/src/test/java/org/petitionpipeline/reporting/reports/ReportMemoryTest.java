package org.petitionpipeline.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.reporting.petitions.PetitionRepository;
import org.petitionpipeline.reporting.reports.repository.ReportScope;
import org.petitionpipeline.reporting.reports.service.DeliveryReports;
import org.petitionpipeline.reporting.reports.service.ReportManifest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * Makes the CSV and the PDF of a 100,000-signature petition and checks that the heap they hold does not grow with
 * the signer list: every few MB written, a full GC and the heap still in use is read. Writes the figures to
 * {@code target/report-memory.md}, and the CSV, its manifest and the PDF to {@code target/report-100k.*} (the
 * README's sample pages).
 */
@QuarkusTest
class ReportMemoryTest {

    private static final int SIGNERS = 100_000;
    private static final long PROBE_EVERY_BYTES = 2L * 1024 * 1024;
    /* Far above what streaming holds (a few MB), far below what 100,000 rows held at once would take. */
    private static final long MAX_GROWTH_BYTES = 32L * 1024 * 1024;

    /*
     * Signers straight into the tables, as counting leaves them (counting itself is tested elsewhere): US states
     * weighted roughly by population, a burst of signing that fades over ten days, a comment from every tenth.
     */
    private static final String GENERATE_SIGNERS = """
            insert into reporting.signer (signature_id, petition_slug, given_name, family_name, postal_code, region,
                                          country, comment, signed_at)
            select gen_random_uuid(), ?,
                   (array['Ada','Grace','Alan','Katherine','Dorothy','Mary','John','Linus','Barbara','Edsger',
                          'Frances','Radia'])[1 + i % 12],
                   (array['Lovelace','Hopper','Turing','Johnson','Vaughan','Jackson','Backus','Torvalds','Liskov',
                          'Dijkstra','Allen','Perlman','Hamilton','Knuth','Ritchie'])[1 + (i / 12) % 15],
                   lpad((10000 + i * 7919 % 89999)::text, 5, '0'),
                   (array['US-CA','US-CA','US-CA','US-TX','US-TX','US-FL','US-FL','US-NY','US-NY','US-PA','US-IL',
                          'US-OH','US-GA','US-NC','US-MI','US-WA','US-AZ','US-MA','US-CO','US-OR'])[1 + i * 7 % 20],
                   'US',
                   case when i % 10 = 0 then 'Signing because this matters to my family (' || i || ')' end,
                   timestamptz '2026-11-10T08:00:00Z' + interval '10 days' * power(i::float / ?, 3)
            from generate_series(1, ?) as i""";
    private static final String COUNT_THEM = """
            insert into reporting.counted_signature (signature_id, petition_slug, counted_at, country, region,
                                                     accepted_at)
            select signature_id, petition_slug, signed_at, country, region, signed_at
            from reporting.signer where petition_slug = ?""";

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryReports reports;

    @Inject
    PetitionRepository petitions;

    @Test
    void a100kSignatureReportIsWrittenInMemoryThatDoesNotGrowWithItsLength() throws Exception {
        PetitionCatalogTest.createPetition("report-100k");
        generateSigners("report-100k");
        ReportScope scope = new ReportScope("report-100k", null, Instant.now().truncatedTo(ChronoUnit.SECONDS));

        long baseline = usedHeapAfterGc();
        long csvStart = System.nanoTime();
        Probe csv;
        ReportManifest manifest;
        try (OutputStream file = Files.newOutputStream(Path.of("target", "report-100k.csv"))) {
            csv = new Probe(file);
            manifest = reports.writeCsv(scope, csv);
        }
        Duration csvTime = Duration.ofNanos(System.nanoTime() - csvStart);

        Path pdfFile = Path.of("target", "report-100k.pdf");
        long pdfStart = System.nanoTime();
        Probe pdf;
        try (OutputStream file = Files.newOutputStream(pdfFile)) {
            pdf = new Probe(file);
            reports.writePdf(petitions.findBySlug("report-100k").orElseThrow(), scope, pdf);
        }
        Duration pdfTime = Duration.ofNanos(System.nanoTime() - pdfStart);

        assertThat(manifest.rows()).isEqualTo(SIGNERS);
        KafkaTestClient.JSON.writeValue(Path.of("target", "report-100k.manifest.json").toFile(), manifest);
        Files.writeString(Path.of("target", "report-memory.md"), """
                | report | rows | bytes | time | heap in use after GC, before | most in use after GC, while writing |
                | --- | ---: | ---: | ---: | ---: | ---: |
                | CSV | %,d | %,d | %.1f s | %s | %s |
                | PDF | %,d | %,d | %.1f s | %s | %s |
                max heap (-Xmx): %s
                """.formatted(SIGNERS, csv.written, csvTime.toMillis() / 1000.0, mb(baseline), mb(csv.mostRetained),
                SIGNERS, pdf.written, pdfTime.toMillis() / 1000.0, mb(baseline), mb(pdf.mostRetained),
                mb(Runtime.getRuntime().maxMemory())));
        assertThat(csv.mostRetained - baseline).isLessThan(MAX_GROWTH_BYTES);
        assertThat(pdf.mostRetained - baseline).isLessThan(MAX_GROWTH_BYTES);
    }

    private void generateSigners(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement signers = connection.prepareStatement(GENERATE_SIGNERS);
                PreparedStatement counted = connection.prepareStatement(COUNT_THEM)) {
            signers.setString(1, slug);
            signers.setInt(2, SIGNERS);
            signers.setInt(3, SIGNERS);
            signers.executeUpdate();
            counted.setString(1, slug);
            counted.executeUpdate();
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String mb(long bytes) {
        return "%.1f MB".formatted(bytes / 1024.0 / 1024.0);
    }

    /** Counts what passes and, every few MB, reads the heap still in use after a full GC. */
    private static final class Probe extends FilterOutputStream {

        long written;
        long mostRetained;
        private long nextProbe = PROBE_EVERY_BYTES;

        Probe(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            passed(1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            passed(length);
        }

        private void passed(int bytes) {
            written += bytes;
            if (written >= nextProbe) {
                nextProbe += PROBE_EVERY_BYTES;
                mostRetained = Math.max(mostRetained, usedHeapAfterGc());
            }
        }
    }
}
