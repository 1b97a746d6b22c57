package org.petitionpipeline.dedup.service;

import java.time.Instant;
import java.util.Optional;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
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

    /** Empty once the signer was {@link #erased()}. */
    public Optional<String> emailDomain() {
        return Optional.ofNullable(canonicalEmail).map(address -> address.substring(address.lastIndexOf('@') + 1));
    }

    /**
     * As dedup stores and publishes a signature of a person who asked to be erased before it arrived: what names
     * them (names, address, postal code, comments, IP, user agent, referrer) gone; what counts kept (petition, the
     * person's hash, country, region, time, consent). Without a postal code it is no household member either.
     */
    public Candidate erased() {
        SubmittedSignature anonymous = new SubmittedSignature(submitted.schemaVersion(), submitted.submissionId(),
                submitted.petitionSlug(), submitted.petitionTitle(), submitted.emailHash(),
                new Signer(null, null, null, null, country), null, submitted.consent(),
                new RequestFacts(request().receivedAt(), null, null, null), submitted.householdSignatures());
        return new Candidate(anonymous, null, emailHash, null, country, region);
    }
}
