package org.petitionpipeline.reporting.audit;

/** How an audited action ended; the outcome also decides which transaction its entry is written in. */
public enum AuditOutcome {

    /** Done: the entry commits with the action, in the caller's transaction. */
    SUCCESS,
    /** Refused for want of a right: the entry is written in a transaction of its own and stays. */
    DENIED,
    /** Attempted and failed: the entry is written in a transaction of its own and stays. */
    FAILED
}
