package org.petitionpipeline.email.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;

/**
 * How much mail waits for the SMTP server, as gauges ops can alert on: {@code email_queue_waiting{queue="mail"}}
 * (receipts, opt-in confirmations and reminders, organizers' reports) and {@code {queue="organizer_updates"}}
 * (recipients of mailings still due). Both queues are in PostgreSQL and shared, so every instance reports the whole
 * queue: take the maximum across instances, not the sum. Counted every 15 s rather than at each scrape, so a slow
 * database never holds up {@code /q/metrics}; while it is away the last count stays.
 */
@ApplicationScoped
@Startup
public class MailBacklog {

    private static final String MAIL_WAITING = """
            select count(*) from email.outbox where status in ('PENDING', 'SENDING')""";
    private static final String UPDATES_WAITING = """
            select count(*) from email.mailing_recipient where status in ('PENDING', 'SENDING')""";

    private final Statements statements;
    private final AtomicLong mail = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();

    public MailBacklog(DataSource dataSource, MeterRegistry registry) {
        this.statements = new Statements(dataSource);
        register(registry, "mail", mail);
        register(registry, "organizer_updates", updates);
    }

    @Scheduled(every = "15s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            mail.set(count("count the mail waiting", MAIL_WAITING));
            updates.set(count("count the organizer updates waiting", UPDATES_WAITING));
        } catch (RuntimeException databaseAway) {
            Log.debugf("mail backlog not counted: %s", databaseAway.getMessage());
        }
    }

    private long count(String what, String sql) {
        return statements.query(what, row -> row.getLong(1), sql).get(0);
    }

    private static void register(MeterRegistry registry, String queue, AtomicLong waiting) {
        Gauge.builder("email.queue.waiting", waiting, AtomicLong::get)
                .description("Messages waiting for the SMTP server (queued or being sent), in the whole queue: every"
                        + " instance reports the same count")
                .tag("queue", queue)
                .register(registry);
    }
}
