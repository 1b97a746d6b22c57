package org.petitionpipeline.dedup.service;

import org.petitionpipeline.contracts.SubmittedSignature;

/** A submission with the canonical address and hash dedup derived itself (it never trusts intake's). */
public record Candidate(SubmittedSignature submitted, String canonicalEmail, String emailHash) {
}
