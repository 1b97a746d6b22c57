package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.tools.load.LoadOptions;
import org.petitionpipeline.local.tools.load.LoadRun;
import org.petitionpipeline.local.tools.load.OutcomeAudit;

/**
 * A short {@code ./run-local.sh load} on the packaged services: 15 s of the realistic mix (a hot petition,
 * repeats typed differently, invalid and bot submissions) at a modest open-loop rate. The build fails when
 * anything is lost or counted twice, whatever the figures.
 */
class LoadSmokeIT {

    private static final LoadOptions OPTIONS = LoadOptions.parse("--rate", "250", "--duration", "15",
            "--petitions", "3");

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = PipelineUser.startPipeline("load-smoke");
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyAcknowledgedSignatureHasOneOutcomeAndTheTotalsCountEachSignerOnce() throws Exception {
        try (LoadRun run = new LoadRun(pipeline, OPTIONS, System.out::println)) {
            LoadRun.Measured measured = run.measure(Duration.ofSeconds(60));

            assertThat(measured.intake().unexpected()).as("answers other than 202 for signers and 422 for the rest: %s %s",
                    measured.intake().statuses(), measured.intake().noAnswer()).isZero();
            assertThat(measured.intake().status(422)).as("invalid and bot submissions refused").isPositive();
            assertThat(measured.settled()).as("every 202 reached reporting within a minute").isTrue();
            OutcomeAudit.Findings audit = measured.audit();
            assertThat(audit.receipts()).isGreaterThan(3_000);
            assertThat(audit.withoutOutcome()).as("acknowledged, then lost").isZero();
            assertThat(audit.withTwoOutcomes()).as("both counted and rejected").isZero();
            assertThat(audit.outcomesWithoutReceipt()).as("outcomes nobody was acknowledged for").isZero();
            audit.totals().forEach((slug, total) ->
                    assertThat(total[0]).as("public total of %s = its distinct acknowledged signers", slug)
                            .isEqualTo(total[1]));
            assertThat(measured.endToEnd().latency().getTotalCount()).as("samples followed to the total").isPositive();
            // the accounting the benchmarks compare: the database's CPU and what each service asked of it
            assertThat(measured.cpu()).hasEntrySatisfying("PostgreSQL (every process)",
                    cpu -> assertThat(cpu).isPositive());
            assertThat(measured.statements()).hasValueSatisfying(counts ->
                    assertThat(counts.describe(measured.intake().status(202)))
                            .contains("| dedup | insert", "| reporting |"));
        }
    }
}
