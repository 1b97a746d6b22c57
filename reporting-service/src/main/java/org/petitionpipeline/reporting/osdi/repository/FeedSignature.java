package org.petitionpipeline.reporting.osdi.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * A signer row as the OSDI API shows it, with its signature's state: names, postal code and comment are null once
 * erased ({@code erasedAt}); {@code verifiedAt} and {@code invalidatedAt} are null until that happens.
 */
public record FeedSignature(UUID signatureId, String givenName, String familyName, String postalCode, String region,
        String country, String comment, Instant signedAt, Instant modifiedAt, Instant erasedAt, Instant verifiedAt,
        Instant invalidatedAt) {
}
