package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signer telling how their call to one of the petition's targets went. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CallReportRequest(
        @Schema(description = "The name of the target called, exactly as the petition lists it")
        String targetName,
        @Schema(description = "How it went", enumeration = {"TALKED_TO_STAFF", "LEFT_VOICEMAIL", "NO_ANSWER", "LINE_BUSY"})
        String outcome,
        @Schema(description = "The submission id of the signature given just before, when there was one")
        String submissionId,
        @Schema(description = "The region the answer to that signature named (ISO 3166-2, e.g. US-NY), when it named one")
        String region) {
}
