package org.petitionpipeline.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.reporting.repository.DeliveryReportRepository;
import org.petitionpipeline.reporting.repository.PendingReport;
import org.petitionpipeline.reporting.repository.ReportScope;

/**
 * Announces the delivery reports recorded at milestones on reports.ready, after the transaction that recorded them
 * committed, each with a signed download link and the SHA-256 of its CSV, so the mail can tell a target what to
 * verify against. The report is of the milestone's moment, so the digest stays true for as long as the link works.
 */
@ApplicationScoped
public class ReportReadyRelay {

    private final DeliveryReportRepository deliveryReports;
    private final DeliveryReports reports;
    private final ReportLinks links;
    private final ReportReadyPublisher publisher;

    public ReportReadyRelay(DeliveryReportRepository deliveryReports, DeliveryReports reports, ReportLinks links,
            ReportReadyPublisher publisher) {
        this.deliveryReports = deliveryReports;
        this.reports = reports;
        this.links = links;
        this.publisher = publisher;
    }

    @Scheduled(every = "${reporting.delivery-report.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayUnpublished() {
        try {
            int relayed;
            do {
                relayed = deliveryReports.publishUnpublished(ReportReadyPublisher.MAX_BATCH, this::publish);
            } while (relayed == ReportReadyPublisher.MAX_BATCH);
        } catch (RuntimeException brokerOrDatabaseUnavailable) {
            Log.warnf("delivery reports wait for the next relay: %s", brokerOrDatabaseUnavailable.getMessage());
        }
    }

    private List<ReportReady> publish(List<PendingReport> pending) {
        List<ReportReady> ready = pending.stream().map(this::announcement).toList();
        publisher.publish(ready);
        ready.forEach(report -> Log.infof("delivery report announced: petition=%s report=%s milestone=%d rows=%d",
                report.petitionSlug(), report.reportId(), report.milestone(), report.total()));
        return ready;
    }

    private ReportReady announcement(PendingReport report) {
        ReportScope scope = new ReportScope(report.slug(), null, report.asOf());
        ReportManifest manifest = reports.manifest(scope);
        return new ReportReady(EventSchema.VERSION, report.reportId(), report.slug(), report.title(),
                report.threshold(), manifest.rows(), reports.figures(scope).verified(), report.recipients(),
                links.csvLink(scope),
                manifest.csvSha256(), Instant.now());
    }
}
