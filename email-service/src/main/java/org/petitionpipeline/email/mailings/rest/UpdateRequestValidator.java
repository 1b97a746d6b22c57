package org.petitionpipeline.email.mailings.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.petitionpipeline.kit.http.ProblemException;

/** Refuses an update that could not be sent as written, with a message per field. */
final class UpdateRequestValidator {

    // mail clients cut long subjects anyway; RFC 5322 wants lines under 998 octets
    private static final int MAX_SUBJECT_LENGTH = 200;
    private static final int MAX_BODY_LENGTH = 50_000;
    // a line break in a subject would end the header and start another one
    private static final Pattern LINE_BREAK_OR_CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    private UpdateRequestValidator() {
    }

    static void check(UpdateRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("send the update as a JSON object with subject and body", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.subject() == null || request.subject().isBlank()) {
            errors.put("subject", "required: the subject line of the update");
        } else if (request.subject().length() > MAX_SUBJECT_LENGTH) {
            errors.put("subject", "at most " + MAX_SUBJECT_LENGTH + " characters");
        } else if (LINE_BREAK_OR_CONTROL.matcher(request.subject()).find()) {
            errors.put("subject", "must be one line, without line breaks or other control characters");
        }
        if (request.body() == null || request.body().isBlank()) {
            errors.put("body", "required: the text of the update, in Markdown (HTML allowed)");
        } else if (request.body().length() > MAX_BODY_LENGTH) {
            errors.put("body", "at most " + MAX_BODY_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the update has " + errors.size() + " invalid field(s)", errors);
        }
    }
}
