package org.petitionpipeline.dedup.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.service.Candidate;

/** Turns a submission into the event that announces its outcome. */
@ApplicationScoped
public class OutcomeMapper {

    /**
     * Accepted: the submission id becomes the signature id, and the signer carries the canonical address (as
     * deliverable as typed: the mailbox rules shape only the hash) and the normalized postal code and country.
     */
    public AcceptedSignature accepted(Candidate candidate, Instant acceptedAt) {
        SubmittedSignature submitted = candidate.submitted();
        Signer signer = submitted.signer();
        return new AcceptedSignature(
                EventSchema.VERSION,
                submitted.submissionId(),
                submitted.petitionSlug(),
                submitted.petitionTitle(),
                candidate.emailHash(),
                new Signer(signer.givenName(), signer.familyName(), candidate.canonicalEmail(), candidate.postalCode(),
                        candidate.country()),
                submitted.comments(),
                submitted.consent(),
                submitted.request(),
                candidate.region(),
                acceptedAt);
    }

    public RejectedSignature rejected(SubmittedSignature submitted, String emailHash, RejectionReason reason,
            String detail, Instant rejectedAt) {
        return new RejectedSignature(EventSchema.VERSION, submitted.submissionId(), submitted.petitionSlug(),
                emailHash, reason, detail, rejectedAt);
    }
}
