package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.petitionpipeline.kit.http.Problem;

/**
 * Refuses a body over {@code quarkus.http.limits.max-body-size} from its Content-Length, before a byte of it
 * is read, with the problem+json every other client error has. The HTTP layer's own refusal (for chunked
 * bodies without a length) stays as the backstop, with an empty body.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private static final int PAYLOAD_TOO_LARGE = 413;

    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;
    private final String body;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            ObjectMapper json) throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        this.body = json.writeValueAsString(Problem.of(PAYLOAD_TOO_LARGE, "Content Too Large",
                "the body is larger than a signature can be (at most " + maxBodyBytes + " bytes)"));
    }

    void install(@Observes Router router) {
        router.route().order(SecurityHeaders.ORDER + 1).handler(this::refuseOversized).failureHandler(context -> {
            if (context.statusCode() == PAYLOAD_TOO_LARGE && !context.response().headWritten()) {
                tooLarge(context);
            } else {
                context.next();
            }
        });
    }

    private void refuseOversized(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && context.request().method() != HttpMethod.GET) {
            // no length to judge by: read the body here, within the limit, so its 413 comes through failureHandler
            chunkedBodies.handle(context);
        } else if (length != null && isOver(length)) {
            tooLarge(context);
        } else {
            context.next();
        }
    }

    private void tooLarge(RoutingContext context) {
        context.response().setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodyBytes;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
