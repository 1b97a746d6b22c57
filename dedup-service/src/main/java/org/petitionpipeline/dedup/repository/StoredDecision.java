package org.petitionpipeline.dedup.repository;

/** What was decided about a submission stored before: a replayed record gets the same outcome again. */
public record StoredDecision(SignatureStatus status, String reason) {
}
