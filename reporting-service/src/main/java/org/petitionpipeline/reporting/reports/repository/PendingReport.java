package org.petitionpipeline.reporting.reports.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery report recorded at a milestone and not yet announced on reports.ready. */
public record PendingReport(UUID reportId, String slug, String title, long threshold, long total, Instant asOf,
        List<String> recipients) {
}
