package org.petitionpipeline.reporting.reports.repository;

import java.time.Instant;

/**
 * Which signatures a delivery report lists: those of the petition counted by {@code asOf} and not invalidated by
 * then, of signers in {@code region} (ISO 3166-2, e.g. {@code US-CA}) or of everyone when it is null. A report of a
 * past moment never changes, so the same scope always gives the same bytes, except that a signer erased at their
 * request since is left out (its manifest counts them).
 */
public record ReportScope(String slug, String region, Instant asOf) {
}
