package org.petitionpipeline.reporting.petitions;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.retention.PetitionRetention;

/**
 * A petition as the admin API answers it: its definition (what the catalog topic carries) and, kept here only, the
 * organization that owns it, when it closed, when its signers' personal data will be or was anonymized. {@code anonymize_after} is null while the
 * petition is open without an end date.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PetitionAdminView(@JsonUnwrapped PetitionDefinition petition, String organization, Instant closedAt,
        Instant anonymizeAfter, Instant anonymizedAt) {

    static PetitionAdminView of(PetitionDefinition petition, String organization, PetitionRetention retention) {
        return retention == null ? new PetitionAdminView(petition, organization, null, null, null)
                : new PetitionAdminView(petition, organization, retention.closedAt(), retention.anonymizeAfter(),
                        retention.anonymizedAt());
    }
}
