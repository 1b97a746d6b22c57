package org.petitionpipeline.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a fault run can do to the running pipeline, by the name {@code ./run-local.sh faults --faults} takes.
 * Each names the stage whose pace tells when the pipeline recovered from it.
 */
enum Fault {
    KILL_INTAKE("kill-intake", "SIGKILL signature-intake, start it again", PipelineService.INTAKE, 25),
    KILL_DEDUP("kill-dedup", "SIGKILL dedup-service, start it again", PipelineService.DEDUP, 25),
    KILL_EMAIL("kill-email", "SIGKILL email-service, start it again", PipelineService.EMAIL, 25),
    KILL_REPORTING("kill-reporting", "SIGKILL reporting-service, start it again", PipelineService.REPORTING, 25),
    RESTART_KAFKA("restart-kafka", "stop the Kafka broker, start it again", PipelineService.INTAKE, 30),
    RESTART_POSTGRES("restart-postgres", "stop PostgreSQL, start it again", PipelineService.DEDUP, 20),
    POISON("poison", "unreadable and future-schema records on every consumer's input topic", null, 0);

    private final String option;
    private final String description;
    private final Optional<PipelineService> pacedBy;
    private final Duration allowance;

    Fault(String option, String description, PipelineService pacedBy, int allowanceSeconds) {
        this.option = option;
        this.description = description;
        this.pacedBy = Optional.ofNullable(pacedBy);
        this.allowance = Duration.ofSeconds(allowanceSeconds);
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

    /**
     * The load runs this much longer for the fault: about what it takes to come back on a busy 2-core machine
     * (a service restart took 10 to 18 s, the broker 8 s away and 10 s to start), so the load outlasts the faults.
     */
    Duration allowance() {
        return allowance;
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
