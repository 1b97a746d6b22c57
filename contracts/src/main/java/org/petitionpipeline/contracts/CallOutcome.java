package org.petitionpipeline.contracts;

/** How a signer's call to a target's office went, as they told us. */
public enum CallOutcome {
    TALKED_TO_STAFF,
    LEFT_VOICEMAIL,
    NO_ANSWER,
    LINE_BUSY
}
