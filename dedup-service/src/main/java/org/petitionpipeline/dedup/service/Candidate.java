package org.petitionpipeline.dedup.service;

import org.petitionpipeline.contracts.SubmittedSignature;

/**
 * A submission that passed dedup's own checks, with what dedup derived itself (it never trusts intake's):
 * the canonical address, the hash of the mailbox it reaches, the normalized postal code, the country (given,
 * or told by the postal code) and the region.
 */
public record Candidate(SubmittedSignature submitted, String canonicalEmail, String emailHash, String postalCode,
        String country, String region) implements CheckedSignature {
}
