package org.petitionpipeline.reporting.counting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.milestones.MilestoneRelay;
import org.petitionpipeline.reporting.milestones.MilestoneRepository;
import org.petitionpipeline.reporting.reports.repository.DeliveryReportRepository;
import org.petitionpipeline.reporting.reports.repository.SignerRepository;
import org.petitionpipeline.reporting.reports.service.ReportReadyRelay;
import org.petitionpipeline.reporting.webhooks.service.WebhookEvents;

/**
 * Counts accepted (and verified) signatures, keeps their signers for delivery reports, and records the milestones
 * their totals reach (with a delivery report for the organizers) in one transaction, so a milestone is never recorded
 * for a count that was rolled back. Publishing the milestones and reports is left to {@link MilestoneRelay} and
 * {@link ReportReadyRelay}, after the commit, and the webhooks queued with each batch to the webhook delivery worker.
 */
@ApplicationScoped
public class SignatureCounting {

    private final TotalsRepository totals;
    private final SignerRepository signers;
    private final MilestoneRepository milestones;
    private final DeliveryReportRepository deliveryReports;
    private final WebhookEvents webhooks;
    private final List<Long> thresholds;

    public SignatureCounting(TotalsRepository totals, SignerRepository signers, MilestoneRepository milestones,
            DeliveryReportRepository deliveryReports, WebhookEvents webhooks, ReportingConfig config) {
        this.totals = totals;
        this.signers = signers;
        this.milestones = milestones;
        this.deliveryReports = deliveryReports;
        this.webhooks = webhooks;
        this.thresholds = config.milestones();
    }

    @Transactional
    public void countAccepted(List<CountedSignature> batch) {
        totals.countAccepted(batch);
        signers.record(batch);
        recordMilestones(petitionsOf(batch, CountedSignature::petitionSlug));
        webhooks.accepted(batch);
    }

    /** On a petition that counts only confirmed signatures, a confirmation is what raises the public total. */
    @Transactional
    public void countVerified(List<VerifiedSignature> batch) {
        totals.countVerified(batch);
        recordMilestones(petitionsOf(batch, VerifiedSignature::petitionSlug));
        webhooks.verified(batch);
    }

    /** Signatures ops struck out after they were accepted. */
    @Transactional
    public void countInvalidated(List<InvalidatedSignature> batch) {
        totals.countInvalidated(batch);
        webhooks.invalidated(batch);
    }

    private void recordMilestones(Set<String> petitions) {
        webhooks.milestonesReached(milestones.recordReached(petitions, thresholds));
        deliveryReports.recordForMilestonesReachedNow(petitions);
    }

    private static <T> Set<String> petitionsOf(List<T> batch, Function<T, String> slug) {
        return batch.stream().map(slug).collect(Collectors.toSet());
    }
}
