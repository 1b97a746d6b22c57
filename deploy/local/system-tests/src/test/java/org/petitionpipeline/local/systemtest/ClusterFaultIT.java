package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Topology;
import org.petitionpipeline.local.tools.faults.Fault;
import org.petitionpipeline.local.tools.faults.FaultInjector;
import org.petitionpipeline.local.tools.faults.FaultOptions;
import org.petitionpipeline.local.tools.faults.FaultReport;
import org.petitionpipeline.local.tools.faults.FaultRun;

/**
 * The cluster fault run CI can afford: three Kafka brokers (replication 3, two in sync), two instances of every
 * service behind HAProxy, a steady load through the balancer; the broker leading the hot signature partition is
 * killed with SIGKILL and started again, then one of the two dedup instances. The build fails when anything
 * acknowledged is lost, counted twice or mailed twice.
 */
class ClusterFaultIT {

    private static final Topology CLUSTER = new Topology(3, 2);
    private static final FaultOptions OPTIONS = FaultOptions.parse("--brokers", "3", "--instances", "2",
            "--rate", "50", "--spacing", "8", "--warm-up", "3", "--petitions", "2",
            "--faults", "kill-leader-broker,kill-dedup");

    private static LocalPipeline pipeline;

    @BeforeAll
    static void startCluster() {
        pipeline = PipelineUser.startPipeline("cluster-fault-run", CLUSTER);
    }

    @AfterAll
    static void stopCluster() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aKilledLeaderBrokerAndAKilledDedupInstanceUnderLoadLoseNothingAndCountAndMailNothingTwice()
            throws Exception {
        try (FaultRun run = new FaultRun(pipeline, OPTIONS, System.out::println)) {
            FaultRun.Findings findings = run.run();
            System.out.println(FaultReport.markdown(OPTIONS, 0, findings));

            assertThat(findings.faults()).extracting(FaultInjector.Injected::fault)
                    .containsExactly(Fault.KILL_LEADER_BROKER, Fault.KILL_DEDUP);
            assertThat(pipeline.starts(PipelineService.DEDUP, 0)).as("the killed dedup instance was started again")
                    .isEqualTo(2);
            assertThat(pipeline.isAlive(PipelineService.DEDUP)).as("both dedup instances run").isTrue();
            assertThat(findings.load().intake().status(202)).as("signatures acknowledged").isGreaterThan(500);
            assertThat(findings.load().settled()).as("every 202 reached reporting").isTrue();
            assertThat(findings.lost()).as("acknowledged, then lost").isZero();
            assertThat(findings.doubleCounted()).as("counted twice, or a total off its distinct signers").isZero();
            assertThat(findings.mailDrained()).as("email finished every receipt").isTrue();
            assertThat(findings.doubleMailed()).as("a second receipt for one signer and petition").isZero();
            assertThat(findings.mail().notReceived()).as("accepted, never thanked").isZero();
            assertThat(findings.deadLetters().matches()).as("dead letters: unexpected %s, missing %s",
                    findings.deadLetters().unexpected(), findings.deadLetters().missing()).isTrue();
        }
    }
}
