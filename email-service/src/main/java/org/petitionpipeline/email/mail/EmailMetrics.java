package org.petitionpipeline.email.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.unsubscribe.UnsubscribeMailboxReader;

/**
 * What ops watch on {@code /q/metrics}: messages sent, skipped (by the recipient's suppression reason) and left
 * uncertain by a crash, bounce reports received from the mail provider by type, mailto unsubscribe requests
 * by result, and erasures carried out.
 */
@ApplicationScoped
@Startup
public class EmailMetrics {

    private final MeterRegistry registry;
    private final Counter uncertain;

    public EmailMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered at start (hence @Startup), not at the first increment: an alert on its increase needs the series
        // to exist at 0 before anything is uncertain
        this.uncertain = registry.counter("email.messages.uncertain");
    }

    public void sent(MailKind kind) {
        registry.counter("email.messages.sent", "kind", tag(kind)).increment();
    }

    public void skipped(MailKind kind, SubscriptionStatus reason) {
        registry.counter("email.messages.skipped", "kind", tag(kind), "reason", tag(reason)).increment();
    }

    /**
     * Receipts and updates not sent again because their sender died or stalled while handing them to the SMTP
     * server.
     */
    public void uncertain(int count) {
        uncertain.increment(count);
    }

    public void bounceReport(Enum<?> type) {
        registry.counter("email.delivery.reports", "type", tag(type)).increment();
    }

    public void mailtoUnsubscribe(UnsubscribeMailboxReader.Outcome outcome) {
        registry.counter("email.mailto.unsubscribes", "result", tag(outcome)).increment();
    }

    /** {@code erasures_total}, named alike in every service that erases. */
    public void erasure() {
        registry.counter("erasures").increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
