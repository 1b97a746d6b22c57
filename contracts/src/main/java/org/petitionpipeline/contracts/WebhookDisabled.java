package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Topic {@link Topics#WEBHOOKS_DISABLED}, key = organization slug: reporting disabled one of the organization's
 * webhook endpoints after it failed for a day; email-service mails {@code recipients} (the organization's owners when
 * it happened), linking {@code consoleUrl}, the console page where an owner enables it again. {@code noticeId} names
 * this disabling: at-least-once, so email acts on each notice id once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookDisabled(
        int schemaVersion,
        UUID noticeId,
        String organization,
        UUID endpointId,
        String url,
        String reason,
        Instant disabledAt,
        List<String> recipients,
        String consoleUrl) implements Event {

    public WebhookDisabled {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public Optional<String> defect() {
        return Event.defectOf(this, "notice_id", noticeId, "organization", organization, "endpoint_id", endpointId,
                "url", url, "disabled_at", disabledAt, "console_url", consoleUrl);
    }

    public String key() {
        return organization;
    }
}
