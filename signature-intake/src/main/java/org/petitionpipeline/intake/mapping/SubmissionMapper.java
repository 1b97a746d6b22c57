package org.petitionpipeline.intake.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.intake.service.ValidSignature;

@ApplicationScoped
public class SubmissionMapper {

    public SubmittedSignature toSubmitted(UUID submissionId, PetitionDefinition petition, ValidSignature signature,
            String emailHash, RequestFacts request) {
        return new SubmittedSignature(
                EventSchema.VERSION,
                submissionId,
                petition.slug(),
                petition.title(),
                emailHash,
                new Signer(signature.givenName(), signature.familyName(), signature.email(),
                        signature.postalCode(), signature.country()),
                signature.comments(),
                new Consent(signature.emailUpdates(), petition.consentTextVersionIn(signature.language()),
                        signature.language()),
                withReferrer(request, signature.referrerUrl()),
                petition.householdSignatures());
    }

    /**
     * The page the embed says it sits on is better consent evidence than the Referer header, which embeds
     * and privacy settings often strip.
     */
    private static RequestFacts withReferrer(RequestFacts request, String referrerUrl) {
        return referrerUrl == null ? request
                : new RequestFacts(request.receivedAt(), request.clientIp(), request.userAgent(), referrerUrl);
    }
}
