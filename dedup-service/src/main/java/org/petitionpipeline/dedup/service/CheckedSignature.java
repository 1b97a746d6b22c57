package org.petitionpipeline.dedup.service;

import org.petitionpipeline.contracts.SubmittedSignature;

/** A submission after dedup's checks: a {@link Candidate} for the one-per-person decision, or refused. */
public sealed interface CheckedSignature permits Candidate, CheckedSignature.Refused {

    SubmittedSignature submitted();

    String emailHash();

    /** Invalid whoever else signed: {@code detail} says why, for ops and organizers (never the address). */
    record Refused(SubmittedSignature submitted, String emailHash, String detail) implements CheckedSignature {
    }
}
