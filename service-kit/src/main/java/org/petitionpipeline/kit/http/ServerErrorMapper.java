package org.petitionpipeline.kit.http;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.Outages;

/**
 * What is left when no other mapper answered: a database that is not answering (stopped, restarting, out of
 * connections) or that aborted the request's transaction in a deadlock, or a broker that does not acknowledge in
 * time is a {@code 503} the client may retry; anything
 * else is a {@code 500}, logged
 * under an id the answer names, with none of its details in the answer. Both are problem+json.
 */
@IfBuildProperty(name = KitFeatures.PROBLEM_JSON, stringValue = KitFeatures.ON)
@Provider
public class ServerErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final System.Logger LOG = System.getLogger(ServerErrorMapper.class.getName());
    private static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(RuntimeException exception) {
        if (Outages.isTransient(exception)) {
            String what = Outages.isDatabaseUnavailable(exception) || Outages.isDatabaseConflict(exception)
                    ? "the database" : "the message broker";
            LOG.log(System.Logger.Level.WARNING, what + " is not answering: " + exception.getMessage());
            return new ProblemException(Problem.of(503, "Service Unavailable",
                    what + " is not answering just now; please try again in a moment"), RETRY_AFTER_SECONDS)
                    .getResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "unexpected error " + errorId, exception);
        Problem problem = new Problem("about:blank", "Internal Server Error", 500,
                "something went wrong on our side; it is logged as " + errorId, "urn:uuid:" + errorId, Map.of());
        return Response.serverError().type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
