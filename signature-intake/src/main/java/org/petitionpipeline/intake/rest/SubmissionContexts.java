package org.petitionpipeline.intake.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.intake.service.ClientAddresses;
import org.petitionpipeline.intake.service.SubmissionContext;

/** What an HTTP request that writes for a petition tells besides its body, read the same way for every endpoint. */
@ApplicationScoped
public class SubmissionContexts {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ClientAddresses clientAddresses;

    public SubmissionContexts(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    SubmissionContext of(HttpServerRequest http, String idempotencyKey) {
        String clientIp = clientAddresses.clientOf(http.remoteAddress().hostAddress(),
                http.headers().getAll("X-Forwarded-For"));
        RequestFacts facts = new RequestFacts(Instant.now(), clientIp, http.getHeader(HttpHeaders.USER_AGENT),
                http.getHeader("Referer"));
        return new SubmissionContext(facts, http.getHeader("Origin"), idempotencyKey);
    }
}
