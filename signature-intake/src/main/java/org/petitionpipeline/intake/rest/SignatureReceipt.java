package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.petitionpipeline.intake.service.Submission;

/** The 202 answer: the signature is durable and on its way through dedup. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignatureReceipt(
        UUID submissionId,
        String status,
        @Schema(description = "Where the signer lives as an ISO 3166-2 code (US-NY) when the postal code tells it, "
                + "else null: the embed puts the petition's targets for this region first on its call step")
        String region) {

    public static SignatureReceipt received(Submission submission) {
        return new SignatureReceipt(submission.submissionId(), "received", submission.region());
    }
}
