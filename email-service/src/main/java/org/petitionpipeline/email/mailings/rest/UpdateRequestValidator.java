package org.petitionpipeline.email.mailings.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.email.mailings.service.UpdateText;
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

    /**
     * A translation must be in one of the petition's other languages: a signer signs in one of those, so an update in
     * any other language would reach nobody.
     */
    static void check(UpdateRequest request, PetitionDefinition petition) {
        if (request == null) {
            throw ProblemException.unprocessable("send the update as a JSON object with subject and body", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkText(request.original(), "", errors);
        request.translations().forEach((language, text) -> {
            String field = "translations." + language;
            if (language.equals(petition.language()) || !petition.languages().contains(language)) {
                errors.put(field, "not one of the petition's other languages " + others(petition)
                        + "; the subject and body are in its default language, " + petition.language());
            } else if (text == null) {
                errors.put(field, "give the subject and body in this language");
            } else {
                checkText(text, field + ".", errors);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the update has " + errors.size() + " invalid field(s)", errors);
        }
    }

    private static void checkText(UpdateText text, String prefix, Map<String, String> errors) {
        if (text.subject() == null || text.subject().isBlank()) {
            errors.put(prefix + "subject", "required: the subject line of the update");
        } else if (text.subject().length() > MAX_SUBJECT_LENGTH) {
            errors.put(prefix + "subject", "at most " + MAX_SUBJECT_LENGTH + " characters");
        } else if (LINE_BREAK_OR_CONTROL.matcher(text.subject()).find()) {
            errors.put(prefix + "subject", "must be one line, without line breaks or other control characters");
        }
        if (text.body() == null || text.body().isBlank()) {
            errors.put(prefix + "body", "required: the text of the update, in Markdown (HTML allowed)");
        } else if (text.body().length() > MAX_BODY_LENGTH) {
            errors.put(prefix + "body", "at most " + MAX_BODY_LENGTH + " characters");
        }
    }

    private static String others(PetitionDefinition petition) {
        return petition.languages().stream().filter(language -> !language.equals(petition.language())).toList()
                .toString();
    }
}
