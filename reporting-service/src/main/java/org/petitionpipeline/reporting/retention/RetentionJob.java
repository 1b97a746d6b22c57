package org.petitionpipeline.reporting.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.petitionpipeline.kit.relay.AdvisoryLock;

/**
 * Anonymizes the signers of every closed petition whose retention period ran out, then announces it. Every instance
 * runs it on a schedule; the one holding the advisory lock works, the others skip the round. Each petition is
 * anonymized in a transaction that claims it first, so even two rounds that met (a lock lost with its connection)
 * anonymize and announce a petition once.
 */
@ApplicationScoped
public class RetentionJob {

    /** Any fixed number, unique among the database's advisory locks (reporting's are 4_712_xxx). */
    private static final long LOCK_KEY = 4_712_006L;

    private final RetentionRepository retention;
    private final PetitionAnonymizations anonymizations;
    private final PetitionAnonymizedRelay relay;
    private final AdvisoryLock lock;
    private final Clock clock;
    private final Counter petitionsAnonymized;
    private final Counter signaturesAnonymized;

    public RetentionJob(RetentionRepository retention, PetitionAnonymizations anonymizations,
            PetitionAnonymizedRelay relay, DataSource dataSource, Clock clock, MeterRegistry metrics) {
        this.retention = retention;
        this.anonymizations = anonymizations;
        this.relay = relay;
        this.lock = new AdvisoryLock(dataSource, LOCK_KEY);
        this.clock = clock;
        this.petitionsAnonymized = Counter.builder("retention.petitions.anonymized")
                .description("petitions whose signers were anonymized when their retention ran out").register(metrics);
        this.signaturesAnonymized = Counter.builder("retention.signatures.anonymized")
                .description("signer rows anonymized when their petition's retention ran out").register(metrics);
    }

    @Scheduled(every = "${reporting.retention.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void anonymizeDue() {
        Optional<AdvisoryLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            return;
        }
        try (AdvisoryLock.Held running = held.get()) {
            // microseconds, as PostgreSQL keeps them: the time announced is the time stored
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (String slug : retention.due(now)) {
                anonymize(slug, now);
            }
        }
        relay.relay();
    }

    /* Counted and logged once the transaction committed. */
    private void anonymize(String slug, Instant now) {
        OptionalInt rows = anonymizations.anonymize(slug, now);
        if (rows.isPresent()) {
            petitionsAnonymized.increment();
            signaturesAnonymized.increment(rows.getAsInt());
            Log.infof("petition anonymized: petition=%s signers=%d", slug, rows.getAsInt());
        }
    }
}
