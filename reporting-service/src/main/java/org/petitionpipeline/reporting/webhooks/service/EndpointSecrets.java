package org.petitionpipeline.reporting.webhooks.service;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's signing secrets: the current one and, after a rotation, the one it replaced until its overlap ends,
 * so the receiver can switch to the new secret without losing a webhook in between.
 */
public record EndpointSecrets(String current, String previous, Instant previousUntil) {

    /** The secrets that sign a webhook sent at {@code now}: the current one first. */
    public List<String> signingAt(Instant now) {
        if (previous != null && previousUntil != null && now.isBefore(previousUntil)) {
            return List.of(current, previous);
        }
        return List.of(current);
    }
}
