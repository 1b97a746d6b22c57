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
    SIGNATURE_INVALIDATED("signature.invalidated"),
    /** A signer unsubscribed (or reported a mail as spam): the organization's CRM should not mail them either. */
    PERSON_UNSUBSCRIBED("person.unsubscribed"),
    /** A signer's address bounced. */
    PERSON_BOUNCED("person.bounced"),
    /** A signer had their data erased: the CRM can erase what it holds of those signatures too. */
    PERSON_ERASED("person.erased"),
    /** A signer reported a call to one of the petition's targets. */
    CALL_REPORTED("call.reported"),
    /** A petition's total reached its goal or one of the round numbers. */
    MILESTONE_REACHED("milestone.reached"),
    /** A delivery report for the petition's target is ready to download. */
    REPORT_READY("report.ready");

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
