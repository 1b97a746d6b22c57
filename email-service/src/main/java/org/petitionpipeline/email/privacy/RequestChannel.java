package org.petitionpipeline.email.privacy;

/**
 * How a request about a person's data (an erasure, an export) reached us: the signer's own mailed link, or ops on the
 * person's behalf.
 */
public enum RequestChannel {
    SIGNER,
    LETTER,
    PHONE,
    EMAIL,
    IN_PERSON,
    OTHER
}
