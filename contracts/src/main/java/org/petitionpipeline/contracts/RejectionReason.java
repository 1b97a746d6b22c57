package org.petitionpipeline.contracts;

/** Why dedup did not accept a submission. */
public enum RejectionReason {
    /** This person already signed this petition with another submission. */
    DUPLICATE,
    /** The submission fails validation (address, required fields). */
    INVALID,
    /**
     * Stored but not counted: it arrived in a burst that looks like fraud (too many signatures from one address,
     * network or email domain, or on one petition, in a short time). Ops release it, and dedup then publishes it
     * as accepted, or invalidate it.
     */
    HELD
}
