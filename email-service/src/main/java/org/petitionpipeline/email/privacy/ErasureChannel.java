package org.petitionpipeline.email.privacy;

/** How an erasure request reached us: the signer's own confirmed link, or ops on the person's behalf. */
public enum ErasureChannel {
    SIGNER,
    LETTER,
    PHONE,
    EMAIL,
    IN_PERSON,
    OTHER
}
