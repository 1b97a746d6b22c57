package org.petitionpipeline.kit.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.petitionpipeline.kit.KitFeatures;

/**
 * Well-formed JSON of the wrong shape ({@code "goal": "many"}, {@code "person": "Jane"}): a 400 problem that
 * names the field, like every other client error.
 */
@IfBuildProperty(name = KitFeatures.PROBLEM_JSON, stringValue = KitFeatures.ON)
@Provider
public class JsonMismatchMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException exception) {
        String field = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String expected = exception.getTargetType() == null ? "another type"
                : "a " + describe(exception.getTargetType());
        Problem problem = Problem.of(400, "Bad Request", "the body is not the JSON we expect")
                .withErrors(Map.of(field.isEmpty() ? "body" : field, "expected " + expected));
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String jsonName(Class<?> type, Enum<?> constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : constant.name();
        } catch (NoSuchFieldException impossible) {
            return constant.name();
        }
    }

    private static String describe(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true or false)";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "value, one of: " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> jsonName(type, (Enum<?>) constant)).collect(Collectors.joining(", "));
        }
        return type.isArray() || Iterable.class.isAssignableFrom(type) ? "list" : "JSON object";
    }

}
