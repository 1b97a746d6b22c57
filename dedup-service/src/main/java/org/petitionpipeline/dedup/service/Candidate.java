package org.petitionpipeline.dedup.service;

import java.time.Instant;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.SubmittedSignature;

/**
 * A submission that passed dedup's own checks, with what dedup derived itself (it never trusts intake's):
 * the canonical address, the hash of the mailbox it reaches, the normalized postal code, the country (given,
 * or told by the postal code) and the region.
 */
public record Candidate(SubmittedSignature submitted, String canonicalEmail, String emailHash, String postalCode,
        String country, String region) implements CheckedSignature {

    public RequestFacts request() {
        return RequestFacts.orUnknown(submitted.request());
    }

    /** When intake received it, or {@code fallback} for a producer that did not say. */
    public Instant receivedAtOr(Instant fallback) {
        Instant receivedAt = request().receivedAt();
        return receivedAt != null ? receivedAt : fallback;
    }

    public String emailDomain() {
        return canonicalEmail.substring(canonicalEmail.lastIndexOf('@') + 1);
    }
}
