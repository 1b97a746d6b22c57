package org.petitionpipeline.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.petitionpipeline.contracts.CallOutcome;
import org.petitionpipeline.contracts.CallReported;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionTarget;
import org.petitionpipeline.contracts.Regions;
import org.petitionpipeline.intake.rest.CallReportRequest;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Call reports come through the same door as signatures (petition open, page allowed, client within its rate),
 * name one of the petition's targets and an outcome, and are published once per idempotency key.
 */
@ApplicationScoped
public class CallReportService {

    private static final String OUTCOMES = Arrays.stream(CallOutcome.values()).map(CallOutcome::name)
            .collect(Collectors.joining(", "));

    private final PetitionAdmission admission;
    private final IdempotentSubmissions idempotency;
    private final EventPublisher publisher;

    public CallReportService(PetitionAdmission admission, IdempotentSubmissions idempotency, EventPublisher publisher) {
        this.admission = admission;
        this.idempotency = idempotency;
        this.publisher = publisher;
    }

    /** Yields the report id once Kafka holds the report (or held it for an earlier try of the same key). */
    public Uni<UUID> report(String slug, CallReportRequest request, SubmissionContext context) {
        PetitionDefinition petition = admission.admit(slug, context);
        Valid valid = validated(request, petition);
        IdempotentSubmissions.requireWellFormed(context.idempotencyKey());
        if (context.idempotencyKey() == null) {
            return publish(petition, valid, context, UUID.randomUUID());
        }
        return idempotency.once(slug + ":calls", context.idempotencyKey(),
                reportId -> publish(petition, valid, context, reportId));
    }

    private Uni<UUID> publish(PetitionDefinition petition, Valid valid, SubmissionContext context, UUID reportId) {
        return publisher.publish(new CallReported(EventSchema.VERSION, reportId, petition.slug(), valid.submissionId(),
                valid.target().name(), valid.outcome(), context.facts(), valid.region())).replaceWith(reportId);
    }

    private static Valid validated(CallReportRequest request, PetitionDefinition petition) {
        if (request == null) {
            throw ProblemException.unprocessable("the request has no call report in its body", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<PetitionTarget> targets = petition.targets() == null ? List.of() : petition.targets();
        PetitionTarget target = targets.stream()
                .filter(candidate -> candidate.name().equals(request.targetName())).findFirst().orElse(null);
        if (target == null) {
            errors.put("target_name", "name one of this petition's targets: "
                    + targets.stream().map(PetitionTarget::name).collect(Collectors.joining(", ")));
        }
        CallOutcome outcome = Arrays.stream(CallOutcome.values())
                .filter(candidate -> candidate.name().equals(request.outcome())).findFirst().orElse(null);
        if (outcome == null) {
            errors.put("outcome", "one of " + OUTCOMES);
        }
        UUID submissionId = null;
        if (request.submissionId() != null && !request.submissionId().isBlank()) {
            try {
                submissionId = UUID.fromString(request.submissionId().strip());
            } catch (IllegalArgumentException notAUuid) {
                errors.put("submission_id", "the submission_id of your signature's answer, a UUID, or nothing");
            }
        }
        String region = request.region() == null || request.region().isBlank() ? null : request.region().strip();
        // only a region a signature's answer can name: counts by region stay a few dozen rows, whatever is sent
        if (region != null && !Regions.isKnown(region)) {
            errors.put("region", "the region your signature's answer named, like US-NY, or nothing");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the call report has " + errors.size() + " invalid field(s)", errors);
        }
        return new Valid(target, outcome, submissionId, region);
    }

    private record Valid(PetitionTarget target, CallOutcome outcome, UUID submissionId, String region) {
    }
}
