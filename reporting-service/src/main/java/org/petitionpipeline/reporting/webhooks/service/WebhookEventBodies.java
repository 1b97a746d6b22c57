package org.petitionpipeline.reporting.webhooks.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.reporting.webhooks.service.WebhookPayloads.Link;

/**
 * The data of the events that are not of one signature, made when they are queued: what reporting recorded of them,
 * never a name, an address or an email. A person's events get their signature identifiers from the outbox (per
 * organization); a call's the identifier of its signature when reporting holds it.
 */
@ApplicationScoped
public class WebhookEventBodies {

    private final ObjectMapper json;
    private final WebhookPayloads payloads;

    public WebhookEventBodies(ObjectMapper json, WebhookPayloads payloads) {
        this.json = json;
        this.payloads = payloads;
    }

    /** An OSDI person whose email address is withheld: only its new status, and when it changed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PersonStatus(List<EmailStatus> emailAddresses, Instant modifiedDate) {
    }

    record EmailStatus(String status) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Call(UUID callId, String targetName, String outcome, String region, Instant reportedAt,
            @JsonProperty("_links") Map<String, Link> links) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Milestone(String kind, long threshold, long total, Instant reachedAt,
            @JsonProperty("_links") Map<String, Link> links) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Report(UUID reportId, long milestone, long total, long verified, String csvSha256, Instant generatedAt,
            @JsonProperty("_links") Map<String, Link> links) {
    }

    /** {@code status} as OSDI names it: unsubscribed, bouncing, spam reports. */
    public String personStatus(String status, Instant changedAt) {
        return write(new PersonStatus(List.of(new EmailStatus(status)), changedAt));
    }

    /** Nothing but the identifiers the outbox adds. */
    public String erased() {
        return "{}";
    }

    public String call(CallReported call) {
        return write(new Call(call.reportId(), call.targetName(), call.outcome().name(), call.region(),
                call.reportedAt(), petition(call.petitionSlug())));
    }

    public String milestone(MilestoneReached milestone) {
        return write(new Milestone(milestone.kind().name().toLowerCase(Locale.ROOT), milestone.threshold(),
                milestone.total(), milestone.reachedAt(), petition(milestone.petitionSlug())));
    }

    /** The totals, the CSV's digest and the signed download link (valid until it expires), no recipients. */
    public String report(ReportReady report) {
        return write(new Report(report.reportId(), report.milestone(), report.total(), report.verified(),
                report.csvSha256(), report.generatedAt(), Map.of("osdi:petition",
                        payloads.petitionLink(report.petitionSlug()), "download", new Link(report.downloadUrl()))));
    }

    private Map<String, Link> petition(String slug) {
        return Map.of("osdi:petition", payloads.petitionLink(slug));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the data of a " + data.getClass().getSimpleName()
                    + " webhook", e);
        }
    }
}
