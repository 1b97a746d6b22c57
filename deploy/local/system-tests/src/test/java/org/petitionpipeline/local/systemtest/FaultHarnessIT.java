package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.tools.faults.Fault;
import org.petitionpipeline.local.tools.faults.FaultInjector;
import org.petitionpipeline.local.tools.faults.FaultOptions;
import org.petitionpipeline.local.tools.faults.FaultReport;
import org.petitionpipeline.local.tools.faults.FaultRun;

/**
 * The short {@code ./run-local.sh faults} on the packaged services: a steady load, poison on every consumer's input
 * topic, dedup killed with SIGKILL and restarted. The build fails when anything acknowledged is lost, counted
 * twice or mailed twice, or the dead-letter topics hold anything but the poison.
 */
class FaultHarnessIT {

    private static final FaultOptions OPTIONS = FaultOptions.parse("--rate", "150", "--spacing", "6",
            "--warm-up", "3", "--petitions", "2", "--faults", "poison,kill-dedup");

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startPipeline() {
        pipeline = PipelineUser.startPipeline("fault-run");
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aKilledConsumerAndPoisonRecordsUnderLoadLoseNothingAndCountAndMailNothingTwice() throws Exception {
        try (FaultRun run = new FaultRun(pipeline, OPTIONS, System.out::println)) {
            FaultRun.Findings findings = run.run();
            System.out.println(FaultReport.markdown(OPTIONS, 0, findings));

            assertThat(findings.faults()).extracting(FaultInjector.Injected::fault)
                    .containsExactly(Fault.POISON, Fault.KILL_DEDUP);
            assertThat(findings.load().intake().status(202)).as("signatures acknowledged").isGreaterThan(1_500);
            assertThat(findings.load().settled()).as("every 202 reached reporting").isTrue();
            assertThat(findings.lost()).as("acknowledged, then lost").isZero();
            assertThat(findings.doubleCounted()).as("counted twice, or a total off its distinct signers").isZero();
            assertThat(findings.mailDrained()).as("email finished every receipt").isTrue();
            assertThat(findings.doubleMailed()).as("a second receipt for one signer and petition").isZero();
            assertThat(findings.mail().notReceived()).as("accepted, never thanked").isZero();
            assertThat(findings.deadLetters().expected()).as("poison records times the groups reading each topic")
                    .isEqualTo(10);
            assertThat(findings.deadLetters().matches()).as("dead letters: unexpected %s, missing %s",
                    findings.deadLetters().unexpected(), findings.deadLetters().missing()).isTrue();
        }
    }
}
