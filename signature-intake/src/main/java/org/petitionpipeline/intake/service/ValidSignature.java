package org.petitionpipeline.intake.service;

/**
 * A signature whose fields passed validation, normalized (NFC, trimmed). {@code email} is the address as the
 * signer typed it; {@code canonicalEmail} is the form its hash (and so its Kafka key) comes from. {@code language}:
 * the petition language the form was shown in, one the petition is written in.
 */
public record ValidSignature(
        String givenName,
        String familyName,
        String email,
        String canonicalEmail,
        String postalCode,
        String country,
        String comments,
        boolean emailUpdates,
        String referrerUrl,
        String language) {
}
