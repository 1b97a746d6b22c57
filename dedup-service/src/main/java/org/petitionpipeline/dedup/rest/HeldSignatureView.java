package org.petitionpipeline.dedup.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.dedup.repository.StoredSignature;

/**
 * A held signature as ops review it: enough to judge a burst (source, time, name, domain), the address itself
 * masked ({@code j•••@example.org}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HeldSignatureView(
        UUID signatureId,
        String petitionSlug,
        String givenName,
        String familyName,
        String email,
        String postalCode,
        String country,
        String clientIp,
        String userAgent,
        String referrer,
        Instant receivedAt,
        String heldBecause) {

    static HeldSignatureView of(StoredSignature stored) {
        AcceptedSignature held = stored.signature();
        String email = held.signer().email();
        // null once the signer was erased: the row stays held for ops to decide on, without anything that names them
        String masked = email == null ? null : email.charAt(0) + "•••" + email.substring(email.lastIndexOf('@'));
        return new HeldSignatureView(held.signatureId(), held.petitionSlug(), held.signer().givenName(),
                held.signer().familyName(), masked, held.signer().postalCode(), held.signer().country(),
                held.request().clientIp(), held.request().userAgent(), held.request().referrer(),
                held.request().receivedAt(), stored.statusReason());
    }
}
