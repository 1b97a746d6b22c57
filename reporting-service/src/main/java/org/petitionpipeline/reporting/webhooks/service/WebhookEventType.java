package org.petitionpipeline.reporting.webhooks.service;

import java.util.Arrays;
import java.util.Optional;

/** What an endpoint may subscribe to, by the {@code type} its webhooks carry. */
public enum WebhookEventType {

    /** Dedup accepted a signature: it counts. */
    SIGNATURE_ACCEPTED("signature.accepted"),
    /** The signer confirmed their address (double opt-in). */
    SIGNATURE_VERIFIED("signature.verified"),
    /** Ops struck the signature out after it was accepted. */
    SIGNATURE_INVALIDATED("signature.invalidated");

    private final String label;

    WebhookEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEventType> ofLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }
}
