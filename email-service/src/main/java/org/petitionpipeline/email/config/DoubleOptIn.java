package org.petitionpipeline.email.config;

/** Whose signatures wait for the signer to confirm their address before they count. */
public enum DoubleOptIn {
    /** Only signatures of petitions marked {@code verified_signatures_only}. */
    PETITION,
    /** Every signature: the organization requires it. */
    ALWAYS
}
