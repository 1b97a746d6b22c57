package org.petitionpipeline.dedup.repository;

import org.petitionpipeline.contracts.AcceptedSignature;

/**
 * A row of the record of truth: the signature as it was (or would have been) announced accepted, and where it
 * stands now and why.
 */
public record StoredSignature(AcceptedSignature signature, SignatureStatus status, String statusReason) {
}
