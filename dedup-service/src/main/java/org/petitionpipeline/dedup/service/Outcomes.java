package org.petitionpipeline.dedup.service;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.InvalidatedSignature;
import org.petitionpipeline.contracts.RejectedSignature;

/**
 * The events one batch or one ops action announces, published together, and the trace each submission's outcome
 * belongs to (by submission id, which is also the outcome's signature id): outcomes without one are traced under
 * the publisher's own context, as an ops action's are.
 */
public record Outcomes(List<AcceptedSignature> accepted, List<RejectedSignature> rejected,
        List<InvalidatedSignature> invalidated, Map<UUID, Context> traces) {

    public Outcomes() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashMap<>());
    }

    public Context traceOf(UUID submissionId) {
        return traces.getOrDefault(submissionId, Context.current());
    }
}
