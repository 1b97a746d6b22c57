package org.petitionpipeline.local.tools.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.local.launcher.PipelineService;

/**
 * What a fault run can do to the running pipeline, by the name {@code ./run-local.sh faults --faults} takes.
 * Each names the stage whose pace tells when the pipeline recovered from it.
 */
public enum Fault {
    KILL_INTAKE("kill-intake", "SIGKILL signature-intake, start it again", PipelineService.INTAKE),
    KILL_DEDUP("kill-dedup", "SIGKILL dedup-service, start it again", PipelineService.DEDUP),
    KILL_EMAIL("kill-email", "SIGKILL email-service, start it again", PipelineService.EMAIL),
    KILL_REPORTING("kill-reporting", "SIGKILL reporting-service, start it again", PipelineService.REPORTING),
    RESTART_KAFKA("restart-kafka", "stop the Kafka broker, start it again", PipelineService.INTAKE),
    RESTART_POSTGRES("restart-postgres", "stop PostgreSQL, start it again", PipelineService.DEDUP),
    POISON("poison", "unreadable and future-schema records on every consumer's input topic", null);

    private final String option;
    private final String description;
    private final Optional<PipelineService> pacedBy;

    Fault(String option, String description, PipelineService pacedBy) {
        this.option = option;
        this.description = description;
        this.pacedBy = Optional.ofNullable(pacedBy);
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
