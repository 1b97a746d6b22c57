package org.petitionpipeline.dedup.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.petitionpipeline.kit.input.Cidr;

/**
 * Which stored signatures an ops action applies to; every criterion given must match, an absent one (null or
 * empty) matches all.
 */
public record SignatureCriteria(String petitionSlug, List<UUID> signatureIds, Cidr ipRange, String emailDomain,
        Instant receivedFrom, Instant receivedUntil) {

    public SignatureCriteria {
        signatureIds = signatureIds == null ? List.of() : List.copyOf(signatureIds);
    }

    /** True when something beyond the petition narrows the selection (striking out a whole petition is not a review). */
    public boolean narrowerThanAPetition() {
        return !signatureIds.isEmpty() || ipRange != null || emailDomain != null || receivedFrom != null
                || receivedUntil != null;
    }
}
