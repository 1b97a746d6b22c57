package org.petitionpipeline.email.privacy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where an erasure stands: who asked and how, which services are done (and how many of their rows it touched), which
 * are still working, and once all are done, when and how long after the request.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErasureStatus(UUID erasureId, RequestChannel channel, String filedBy, String reference,
        Instant requestedAt, Instant publishedAt, List<ErasureRequests.Done> done, List<String> waitingFor,
        Instant completedAt, Double secondsToComplete) {

    static ErasureStatus of(ErasureRequests.Request request, List<ErasureRequests.Done> done, Set<String> services) {
        List<String> waiting = Answering.waitingFor(services,
                done.stream().map(ErasureRequests.Done::service).toList());
        Instant completed = waiting.isEmpty()
                ? done.stream().map(ErasureRequests.Done::doneAt).max(Instant::compareTo).orElse(null)
                : null;
        return new ErasureStatus(request.erasureId(), request.channel(), request.filedBy(), request.reference(),
                request.requestedAt(), request.publishedAt(), done, waiting, completed,
                completed == null ? null : Duration.between(request.requestedAt(), completed).toMillis() / 1000.0);
    }
}
