package org.petitionpipeline.contracts.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every HTTP error the framework raises on its own (broken JSON, wrong media type, wrong method) the
 * same RFC 9457 body as the pipeline's own problems, so a client parses one error shape everywhere.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original;
        }
        int status = original.getStatus();
        String detail = exception.getCause() instanceof JsonProcessingException json
                ? "the body is not the JSON we expect: " + json.getOriginalMessage()
                : exception.getMessage();
        Problem problem = Problem.of(status, original.getStatusInfo().getReasonPhrase(), detail);
        return Response.fromResponse(original).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
