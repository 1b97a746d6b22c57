package org.petitionpipeline.email.database;

/**
 * The keys of the advisory locks under which email does what one instance at a time must do (see service-kit's
 * {@code AdvisoryLock}): any fixed numbers, unique in the database the services share (reporting's are 4_712_xxx).
 */
public final class LockKeys {

    public static final long SUBSCRIPTION_RELAY = 4_711_001L;
    public static final long VERIFICATION_RELAY = 4_711_002L;
    /** Reading the mailto unsubscribe mailbox: two readers would handle, count and delete each request twice. */
    public static final long UNSUBSCRIBE_MAILBOX = 4_711_003L;
    public static final long ERASURE_DONE_RELAY = 4_711_004L;
    /** Taken per transaction, not per session: shared by signature batches, exclusive by an erasure. */
    public static final long ERASURE = 4_711_005L;
    /** Relaying erasure requests to people.erasures, in the order they were taken. */
    public static final long ERASURE_RELAY = 4_711_010L;
    public static final long ACCESS_RELAY = 4_711_020L;
    public static final long AUDIT_RELAY = 4_711_030L;

    private LockKeys() {
    }
}
