package org.petitionpipeline.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.petitionpipeline.kit.KitFeatures;

/**
 * Gives every HTTP error the framework raises on its own (broken JSON, wrong media type, wrong method) the
 * same RFC 9457 body as the pipeline's own problems, so a client parses one error shape everywhere.
 */
@IfBuildProperty(name = KitFeatures.PROBLEM_JSON, stringValue = KitFeatures.ON)
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
