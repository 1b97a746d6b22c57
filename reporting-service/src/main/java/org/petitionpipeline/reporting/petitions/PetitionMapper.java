package org.petitionpipeline.reporting.petitions;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;

@ApplicationScoped
public class PetitionMapper {

    static final String DEFAULT_CONSENT_TEXT = "Email me updates about this campaign. I can unsubscribe at any time.";
    static final String DEFAULT_CONSENT_VERSION = "default-1";

    /** A new, open petition; consent wording defaults to a plain opt-in when the organizer gives none. */
    public PetitionDefinition toNewDefinition(PetitionRequest request, String organization, Instant now) {
        return toDefinition(request.slug(), organization, request, PetitionStatus.OPEN, now);
    }

    /** The organizer's new wording of an existing petition, which keeps its slug and status. */
    public PetitionDefinition toRevisedDefinition(PetitionDefinition current, PetitionRequest request, Instant now) {
        return toDefinition(current.slug(), current.organization(), request, current.status(), now);
    }

    private static PetitionDefinition toDefinition(String slug, String organization, PetitionRequest request,
            PetitionStatus status, Instant now) {
        boolean ownConsentText = request.consentText() != null && !request.consentText().isBlank();
        return new PetitionDefinition(
                EventSchema.VERSION,
                slug,
                request.title().strip(),
                request.text().strip(),
                List.copyOf(request.targets()),
                request.goal(),
                status,
                ownConsentText ? request.consentText().strip() : DEFAULT_CONSENT_TEXT,
                ownConsentText ? request.consentTextVersion().strip() : DEFAULT_CONSENT_VERSION,
                request.requiredFields(),
                request.allowedOrigins(),
                Boolean.TRUE.equals(request.householdSignatures()),
                Boolean.TRUE.equals(request.verifiedSignaturesOnly()),
                request.endsAt(),
                request.organizerEmails() == null ? List.of()
                        : request.organizerEmails().stream().map(String::strip).toList(),
                now,
                request.retentionDays(),
                organization,
                request.language() == null ? Languages.DEFAULT : request.language(),
                stripped(request.shareText()),
                request.translations());
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
