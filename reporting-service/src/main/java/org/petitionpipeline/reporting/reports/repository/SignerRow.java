package org.petitionpipeline.reporting.reports.repository;

import java.time.Instant;
import java.util.UUID;

/** One line of a delivery report's signer list; every field but the id and the time may be null. */
public record SignerRow(UUID signatureId, Instant signedAt, String givenName, String familyName, String postalCode,
        String region, String country, String comment) {
}
