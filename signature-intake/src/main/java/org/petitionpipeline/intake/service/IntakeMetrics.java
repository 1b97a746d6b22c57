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
        this.accepted = Counter.builder("intake.signatures.accepted")
                .description("signatures Kafka holds and the signer was answered 202 for").register(registry);
        this.replayed = Counter.builder("intake.signatures.replayed")
                .description("repeated Idempotency-Keys answered from this instance's memory of them (per instance: "
                        + "a retry reaching another instance is sent again, and dedup counts it once)")
                .register(registry);
        for (Refusal reason : Refusal.values()) {
            refusals.put(reason, Counter.builder("intake.signatures.refused").tag("reason", reason.tag())
                    .description("submissions refused, by reason; the rate limits are per instance, so with N "
                            + "instances behind a balancer a client gets up to N times them")
                    .register(registry));
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
