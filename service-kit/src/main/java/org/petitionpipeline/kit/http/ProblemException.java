package org.petitionpipeline.kit.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Ends a request with a {@link Problem} answer; JAX-RS renders it without a mapper of its own. */
public class ProblemException extends WebApplicationException {

    public ProblemException(Problem problem) {
        super(problem.detail(), Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException unprocessable(String detail, Map<String, String> fieldErrors) {
        return new ProblemException(Problem.of(422, "Unprocessable Content", detail).withErrors(fieldErrors));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        Problem problem = Problem.of(503, "Service Unavailable", detail);
        return new ProblemException(problem, retryAfterSeconds);
    }

    /** A problem the client may retry after the given delay (429, 503). */
    public ProblemException(Problem problem, long retryAfterSeconds) {
        super(problem.detail(), Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", retryAfterSeconds).build());
    }
}
