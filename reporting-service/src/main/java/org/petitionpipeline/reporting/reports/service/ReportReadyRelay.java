package org.petitionpipeline.reporting.reports.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.kit.kafka.AckedPublisher;
import org.petitionpipeline.kit.relay.AdvisoryLock;
import org.petitionpipeline.kit.relay.Outbox;
import org.petitionpipeline.kit.relay.OutboxRelay;
import org.petitionpipeline.reporting.reports.repository.DeliveryReportRepository;
import org.petitionpipeline.reporting.reports.repository.PendingReport;
import org.petitionpipeline.reporting.reports.repository.ReportFigures;
import org.petitionpipeline.reporting.reports.repository.ReportScope;

/**
 * Announces the delivery reports recorded at milestones on reports.ready, keyed by petition, after the transaction
 * that recorded them committed, each with a signed download link and the SHA-256 of its CSV, so the mail can tell a
 * target what to verify against. The report is of the milestone's moment, so the digest stays true for as long as
 * the link works, and an announcement made again after a crash carries the same one.
 */
@ApplicationScoped
public class ReportReadyRelay implements Outbox<ReportReady> {

    /** Any fixed number, unique among the advisory locks of the database (email's are 4_711_xxx). */
    static final long LOCK_KEY = 4_712_002L;
    /* Each report is read in full to digest it before it is announced: a few per round. */
    private static final int MAX_BATCH = 10;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final DeliveryReportRepository deliveryReports;
    private final DeliveryReports reports;
    private final ReportLinks links;
    private final ReportAnnouncements announcements;
    private final OutboxRelay<ReportReady> relay;

    public ReportReadyRelay(DeliveryReportRepository deliveryReports, DeliveryReports reports, ReportLinks links,
            ReportAnnouncements announcements, DataSource dataSource, @Channel("reports-ready") @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = MAX_BATCH) MutinyEmitter<ReportReady> emitter) {
        this.deliveryReports = deliveryReports;
        this.reports = reports;
        this.links = links;
        this.announcements = announcements;
        AckedPublisher<ReportReady> publisher = AckedPublisher.keyed(emitter, ReportReady::key, ACK_TIMEOUT);
        this.relay = new OutboxRelay<>("delivery reports", this, batch -> publish(publisher, batch),
                new AdvisoryLock(dataSource, LOCK_KEY), MAX_BATCH);
    }

    @Scheduled(every = "${reporting.delivery-report.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        relay.relay();
    }

    @Override
    public List<ReportReady> unpublished(int limit) {
        return deliveryReports.unpublished(limit).stream().map(this::announcement).toList();
    }

    @Override
    public void markPublished(List<ReportReady> published) {
        announcements.announced(published);
    }

    private static void publish(AckedPublisher<ReportReady> publisher, List<ReportReady> ready) {
        publisher.publish(ready);
        ready.forEach(report -> Log.infof("delivery report announced: petition=%s report=%s milestone=%d signatures=%d",
                report.petitionSlug(), report.reportId(), report.milestone(), report.total()));
    }

    /* The total is the figures', not the CSV's rows: a signer erased before the announcement counts, unlisted. */
    private ReportReady announcement(PendingReport report) {
        ReportScope scope = new ReportScope(report.slug(), null, report.asOf());
        ReportManifest manifest = reports.manifest(scope);
        ReportFigures figures = reports.figures(scope);
        return new ReportReady(EventSchema.VERSION, report.reportId(), report.slug(), report.title(),
                report.threshold(), figures.signatures(), figures.verified(), report.recipients(),
                links.csvLink(scope), manifest.csvSha256(), Instant.now());
    }
}
