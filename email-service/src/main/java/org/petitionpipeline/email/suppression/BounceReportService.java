package org.petitionpipeline.email.suppression;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.email.people.PersonRepository;
import org.petitionpipeline.email.people.SubscriptionService;

/** Puts hard-bouncing and complaining addresses on the suppression list, and publishes the change. */
@ApplicationScoped
public class BounceReportService {

    /** What a report changed; the webhook's answer. */
    public enum Outcome {
        SUPPRESSED,
        /** The person already had this status or a stronger one: a repeated report changes nothing. */
        ALREADY_SUPPRESSED,
        /** A soft bounce: the address may work tomorrow. */
        NOT_SUPPRESSED,
        /** We never mailed this address (or no longer know it): nothing to suppress. */
        UNKNOWN_RECIPIENT;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PersonRepository people;
    private final SubscriptionService subscriptions;
    private final EmailMetrics metrics;

    public BounceReportService(PersonRepository people, SubscriptionService subscriptions, EmailMetrics metrics) {
        this.people = people;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
    }

    public Outcome record(BounceReport report) {
        metrics.bounceReport(report.type());
        Optional<String> emailHash = people.hashOfEmail(report.email());
        if (emailHash.isEmpty()) {
            Log.infof("%s report for an address we do not know", report.type());
            return Outcome.UNKNOWN_RECIPIENT;
        }
        if (report.type() == BounceReport.Type.SOFT_BOUNCE) {
            return Outcome.NOT_SUPPRESSED;
        }
        SubscriptionStatus status = report.type() == BounceReport.Type.COMPLAINT
                ? SubscriptionStatus.SPAM_COMPLAINT : SubscriptionStatus.BOUNCING;
        boolean changed = subscriptions.change(emailHash.get(), status, occurredAt(report),
                report.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Log.infof("%s report for %s: %s", report.type(), emailHash.get(), changed ? "suppressed" : "already suppressed");
        return changed ? Outcome.SUPPRESSED : Outcome.ALREADY_SUPPRESSED;
    }

    /** A provider's clock running ahead must not date a change in our future. */
    private static Instant occurredAt(BounceReport report) {
        Instant now = Instant.now();
        return report.occurredAt() == null || report.occurredAt().isAfter(now) ? now : report.occurredAt();
    }
}
