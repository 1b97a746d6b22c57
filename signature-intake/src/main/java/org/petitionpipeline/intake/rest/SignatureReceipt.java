package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** The 202 answer: the signature is durable and on its way through dedup. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignatureReceipt(UUID submissionId, String status) {

    public static SignatureReceipt received(UUID submissionId) {
        return new SignatureReceipt(submissionId, "received");
    }
}
