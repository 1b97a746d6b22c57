package org.petitionpipeline.email.mailings.rest;

import java.util.Map;
import org.petitionpipeline.email.mailings.service.UpdateText;

/**
 * An organizer's update: a one-line subject and a Markdown body (HTML inside it is allowed, and sanitized) in the
 * petition's default language, and optionally the same in others of the petition's languages, by language
 * ({@code {"es": {"subject": …, "body": …}}}); each recipient gets the one in their language, else the default.
 */
public record UpdateRequest(String subject, String body, Map<String, UpdateText> translations) {

    public UpdateRequest {
        translations = translations == null ? Map.of() : translations;
    }

    public UpdateText original() {
        return new UpdateText(subject, body);
    }
}
