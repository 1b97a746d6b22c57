package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** The 202 answer: the call report is durable and on its way to reporting. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CallReceipt(UUID reportId, String status) {

    public static CallReceipt received(UUID reportId) {
        return new CallReceipt(reportId, "received");
    }
}
