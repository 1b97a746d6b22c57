package org.petitionpipeline.reporting.reports.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.reporting.reports.repository.DeliveryReportRepository;
import org.petitionpipeline.reporting.webhooks.service.WebhookEvents;

/**
 * Records delivery reports announced on reports.ready, and queues their report.ready webhooks in the same
 * transaction: the webhook carries what the announcement did (link, totals, digest), and a report announced again
 * after a crash queues nothing twice.
 */
@ApplicationScoped
public class ReportAnnouncements {

    private final DeliveryReportRepository deliveryReports;
    private final WebhookEvents webhooks;

    public ReportAnnouncements(DeliveryReportRepository deliveryReports, WebhookEvents webhooks) {
        this.deliveryReports = deliveryReports;
        this.webhooks = webhooks;
    }

    @Transactional
    public void announced(List<ReportReady> announced) {
        deliveryReports.markPublished(announced);
        webhooks.reportsReady(announced);
    }
}
