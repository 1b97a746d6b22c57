package org.petitionpipeline.intake.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Counters ops watch on {@code /q/metrics}: signatures taken, idempotent replays, and refusals by reason. */
@ApplicationScoped
public class IntakeMetrics {

    private final Counter accepted;
    private final Counter replayed;
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

    public IntakeMetrics(MeterRegistry registry) {
        this.accepted = registry.counter("intake.signatures.accepted");
        this.replayed = registry.counter("intake.signatures.replayed");
        for (Refusal reason : Refusal.values()) {
            refusals.put(reason, registry.counter("intake.signatures.refused", "reason", reason.tag()));
        }
    }

    public void accepted() {
        accepted.increment();
    }

    public void replayed() {
        replayed.increment();
    }

    public void refused(Refusal reason) {
        refusals.get(reason).increment();
    }
}
