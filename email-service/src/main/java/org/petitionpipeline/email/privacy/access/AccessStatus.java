package org.petitionpipeline.email.privacy.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.petitionpipeline.email.privacy.Answering;
import org.petitionpipeline.email.privacy.RequestChannel;

/**
 * Where an access request stands: who asked and how, which services have answered and which not yet, and once all
 * have, the export (until it is deleted, {@code export_deleted_at}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessStatus(UUID requestId, RequestChannel channel, String filedBy, String reference,
        Instant requestedAt, Instant publishedAt, List<String> answered, List<String> waitingFor,
        Instant completedAt, Instant exportDeletedAt, AccessExport export) {

    static AccessStatus of(AccessRequests.Request request, List<AccessRequests.Part> parts, Set<String> services) {
        List<String> answered = parts.stream().map(AccessRequests.Part::service).toList();
        List<String> waiting = Answering.waitingFor(services, answered);
        Instant completed = waiting.isEmpty()
                ? parts.stream().map(AccessRequests.Part::madeAt).max(Instant::compareTo).orElse(null)
                : null;
        AccessExport export = completed == null || request.exportDeletedAt() != null ? null
                : new AccessExport(request.requestId(), request.requestedAt(), completed, parts);
        return new AccessStatus(request.requestId(), request.channel(), request.filedBy(), request.reference(),
                request.requestedAt(), request.publishedAt(), answered, waiting, completed, request.exportDeletedAt(),
                export);
    }

    @JsonIgnore
    public boolean isComplete() {
        return export != null;
    }
}
