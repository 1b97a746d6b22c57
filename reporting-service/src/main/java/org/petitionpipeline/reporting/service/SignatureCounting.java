package org.petitionpipeline.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.VerifiedSignature;
import org.petitionpipeline.reporting.config.ReportingConfig;
import org.petitionpipeline.reporting.repository.MilestoneRepository;
import org.petitionpipeline.reporting.repository.TotalsRepository;

/**
 * Counts accepted (and verified) signatures and records the milestones their totals reach in one transaction, so a milestone is
 * never recorded for a count that was rolled back. Publishing the milestones is left to {@link MilestoneRelay},
 * after the commit.
 */
@ApplicationScoped
public class SignatureCounting {

    private final TotalsRepository totals;
    private final MilestoneRepository milestones;
    private final List<Long> thresholds;

    public SignatureCounting(TotalsRepository totals, MilestoneRepository milestones, ReportingConfig config) {
        this.totals = totals;
        this.milestones = milestones;
        this.thresholds = config.milestones();
    }

    @Transactional
    public void countAccepted(List<AcceptedSignature> batch) {
        totals.countAccepted(batch);
        milestones.recordReached(petitionsOf(batch, AcceptedSignature::petitionSlug), thresholds);
    }

    /** On a petition that counts only confirmed signatures, a confirmation is what raises the public total. */
    @Transactional
    public void countVerified(List<VerifiedSignature> batch) {
        totals.countVerified(batch);
        milestones.recordReached(petitionsOf(batch, VerifiedSignature::petitionSlug), thresholds);
    }

    private static <T> Set<String> petitionsOf(List<T> batch, Function<T, String> slug) {
        return batch.stream().map(slug).collect(Collectors.toSet());
    }
}
