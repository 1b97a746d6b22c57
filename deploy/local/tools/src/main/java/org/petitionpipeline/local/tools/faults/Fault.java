package org.petitionpipeline.local.tools.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.launcher.Topology;

/**
 * What a fault run can do to the running pipeline, by the name {@code ./run-local.sh faults --faults} takes.
 * Each names the stage whose pace tells when the pipeline recovered from it, and whether it needs one broker or
 * a cluster. With several instances of a service, a kill hits its first instance; the others carry on.
 */
public enum Fault {
    KILL_INTAKE("kill-intake", "SIGKILL signature-intake, start it again", PipelineService.INTAKE, Brokers.ANY),
    KILL_DEDUP("kill-dedup", "SIGKILL dedup-service, start it again", PipelineService.DEDUP, Brokers.ANY),
    KILL_EMAIL("kill-email", "SIGKILL email-service, start it again", PipelineService.EMAIL, Brokers.ANY),
    KILL_REPORTING("kill-reporting", "SIGKILL reporting-service, start it again", PipelineService.REPORTING,
            Brokers.ANY),
    RESTART_KAFKA("restart-kafka", "stop the Kafka broker, start it again", PipelineService.INTAKE, Brokers.ONE),
    KILL_LEADER_BROKER("kill-leader-broker", "SIGKILL the broker leading the hot signature partition, start it "
            + "again", PipelineService.INTAKE, Brokers.CLUSTER),
    BROKER_AWAY("broker-away", "stop one broker for 60 s, start it again", PipelineService.INTAKE, Brokers.CLUSTER),
    ROLLING_RESTART_INTAKE("rolling-restart-intake", "stop and start each signature-intake instance in turn, each "
            + "ready before the next goes", PipelineService.INTAKE, Brokers.ANY),
    RESTART_POSTGRES("restart-postgres", "stop PostgreSQL, start it again", PipelineService.DEDUP, Brokers.ANY),
    POISON("poison", "unreadable and future-schema records on every consumer's input topic", null, Brokers.ANY);

    /** Which Kafka a fault can be done to. */
    enum Brokers {
        ONE, CLUSTER, ANY
    }

    private final String option;
    private final String description;
    private final Optional<PipelineService> pacedBy;
    private final Brokers brokers;

    Fault(String option, String description, PipelineService pacedBy, Brokers brokers) {
        this.option = option;
        this.description = description;
        this.pacedBy = Optional.ofNullable(pacedBy);
        this.brokers = brokers;
    }

    /** Every fault that fits a pipeline of that many brokers, in the order a default run does them. */
    static List<Fault> fitting(Topology topology) {
        return Arrays.stream(values()).filter(fault -> fault.fits(topology)).toList();
    }

    boolean fits(Topology topology) {
        return switch (brokers) {
            case ONE -> !topology.isCluster();
            case CLUSTER -> topology.isCluster();
            case ANY -> true;
        };
    }

    String option() {
        return option;
    }

    String description() {
        return description;
    }

    /**
     * The stage whose pace says the pipeline recovered: the one killed; intake's acknowledgments for the broker
     * (they wait for it); dedup's outcomes for the database (the first write on the path). None for poison,
     * which stops nothing.
     */
    Optional<PipelineService> pacedBy() {
        return pacedBy;
    }

    static Fault of(String option) {
        return Arrays.stream(values()).filter(fault -> fault.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + option + "'; known: "
                        + String.join(", ", options(List.of(values())))));
    }

    static List<String> options(List<Fault> faults) {
        return faults.stream().map(Fault::option).toList();
    }
}
