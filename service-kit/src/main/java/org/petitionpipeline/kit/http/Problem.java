package org.petitionpipeline.kit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer of the pipeline's HTTP APIs.
 * {@code errors} maps a request field (JSON pointer style, e.g. {@code person.email_addresses}) to what is
 * wrong with it, so a form can show each message next to its field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, Map.of());
    }

    public Problem withErrors(Map<String, String> fieldErrors) {
        return new Problem(type, title, status, detail, instance, Map.copyOf(fieldErrors));
    }
}
