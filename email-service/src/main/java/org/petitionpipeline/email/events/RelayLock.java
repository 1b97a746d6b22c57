package org.petitionpipeline.email.events;

/**
 * The keys of the advisory locks under which email's relays run (see service-kit's {@code AdvisoryLock}): any
 * fixed numbers, unique in the database the services share (reporting's are 4_712_xxx).
 */
public final class RelayLock {

    public static final long SUBSCRIPTION_RELAY = 4_711_001L;
    public static final long VERIFICATION_RELAY = 4_711_002L;

    private RelayLock() {
    }
}
