package org.petitionpipeline.contracts;

/** Why dedup did not accept a submission. */
public enum RejectionReason {
    /** This person already signed this petition with another submission. */
    DUPLICATE,
    /** The submission fails validation (address, required fields). */
    INVALID
}
