package org.petitionpipeline.email.privacy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Ops file an erasure for a person who asked another way than the link: their address, how they asked, who files it
 * and, optionally, a reference such as a ticket number (never the person's data).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErasureFiling(String email, ErasureChannel channel, String filedBy, String reference) {
}
