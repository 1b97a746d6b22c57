package org.petitionpipeline.contracts;

/** Kafka topic names. Keys are described on each event record. */
public final class Topics {

    /** Compacted: key = petition slug, value = {@link PetitionDefinition}, tombstone on delete. */
    public static final String PETITIONS = "petitions";
    public static final String SIGNATURES_SUBMITTED = "signatures.submitted";
    public static final String SIGNATURES_ACCEPTED = "signatures.accepted";
    /** Key = {@link SignatureKey}, value = {@link CountedSignature}: an accepted signature without contact data. */
    public static final String SIGNATURES_COUNTED = "signatures.counted";
    public static final String SIGNATURES_REJECTED = "signatures.rejected";
    public static final String SIGNATURES_INVALIDATED = "signatures.invalidated";
    /** Key = {@link SignatureKey}, value = {@link VerifiedSignature}: the signer confirmed their address. */
    public static final String SIGNATURES_VERIFIED = "signatures.verified";
    /** Key = petition slug, value = {@link CallReported}. */
    public static final String CALLS_REPORTED = "calls.reported";
    /** Key = petition slug, value = {@link ReportReady}: a delivery report to mail to the organizers. */
    public static final String REPORTS_READY = "reports.ready";
    /** Key = email hash. */
    public static final String SUBSCRIPTIONS = "subscriptions";
    /** Key = email hash, value = {@link PersonErasure}: erase what every service holds about this person. */
    public static final String PEOPLE_ERASURES = "people.erasures";
    /** Key = email hash, value = {@link ErasureDone}: one service finished an erasure. */
    public static final String PEOPLE_ERASURES_DONE = "people.erasures.done";
    /** Key = email hash, value = {@link AccessRequested}: report what every service holds about this person. */
    public static final String PEOPLE_ACCESS_REQUESTS = "people.access-requests";
    /** Key = email hash, value = {@link AccessReport}: what one service holds about a person. */
    public static final String PEOPLE_ACCESS_REPORTS = "people.access-reports";
    /** Key = petition slug, value = {@link PetitionAnonymized}: the petition's retention ran out. */
    public static final String PETITIONS_ANONYMIZED = "petitions.anonymized";
    /** Key = petition slug, value = {@link MilestoneReached}. */
    public static final String PETITIONS_MILESTONES = "petitions.milestones";
    /** Key = organization slug, value = {@link WebhookDisabled}: a webhook endpoint to tell its owners about. */
    public static final String WEBHOOKS_DISABLED = "webhooks.disabled";
    /** Key = organization slug or "platform", value = {@link AuditEvent}: an entry for reporting's audit log. */
    public static final String AUDIT_EVENTS = "audit.events";

    private Topics() {
    }

    /** The dead-letter topic a consumer of {@code topic} sends records it cannot process to. */
    public static String deadLetterOf(String topic) {
        return topic + ".dlq";
    }
}
