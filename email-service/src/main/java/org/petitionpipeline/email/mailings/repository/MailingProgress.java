package org.petitionpipeline.email.mailings.repository;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an update stands: {@code queued} counts the recipients still due (including one being handed to SMTP),
 * {@code skipped} those suppressed when their turn came, {@code uncertain} those whose worker stopped while
 * handing their message to SMTP (set aside, not sent again: they may lack this update).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MailingProgress(
        UUID id,
        String petitionSlug,
        String subject,
        MailingStatus status,
        int recipients,
        int queued,
        int sent,
        int failed,
        int skipped,
        int uncertain,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {
}
