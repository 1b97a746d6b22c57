package org.petitionpipeline.dedup.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;
import org.petitionpipeline.contracts.RejectionReason;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.repository.StoredSignature;
import org.petitionpipeline.dedup.service.Candidate;

/** Turns a submission, or a stored signature, into the event that announces its outcome. */
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

    /** A held signature that ops released: accepted as it was stored, now. */
    public AcceptedSignature released(StoredSignature stored, Instant acceptedAt) {
        AcceptedSignature held = stored.signature();
        return new AcceptedSignature(EventSchema.VERSION, held.signatureId(), held.petitionSlug(), held.petitionTitle(),
                held.emailHash(), held.signer(), held.comments(), held.consent(), held.request(), held.region(),
                acceptedAt);
    }

    public RejectedSignature rejected(SubmittedSignature submitted, String emailHash, RejectionReason reason,
            String detail, Instant rejectedAt) {
        return new RejectedSignature(EventSchema.VERSION, submitted.submissionId(), submitted.petitionSlug(),
                emailHash, reason, detail, rejectedAt);
    }

    public InvalidatedSignature invalidated(UUID signatureId, String petitionSlug, String emailHash, String reason,
            Instant invalidatedAt) {
        return new InvalidatedSignature(EventSchema.VERSION, signatureId, petitionSlug, emailHash, reason,
                invalidatedAt);
    }
}
