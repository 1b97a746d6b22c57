package org.petitionpipeline.intake.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.intake.rest.SignatureRequest;

/**
 * A plain HTML form's fields (the embed without JavaScript) as the same request the JSON API takes, so both
 * go through one validation. Field names are the JSON leaf names: {@code given_name}, {@code email},
 * {@code postal_code}, {@code email_updates} (a checkbox: present means yes) ...
 */
@ApplicationScoped
public class FormSignatureMapper {

    private static final Set<String> CHECKED = Set.of("on", "true", "yes", "1");

    public SignatureRequest toRequest(MultivaluedMap<String, String> form) {
        return new SignatureRequest(
                new SignatureRequest.Person(
                        form.getFirst("given_name"),
                        form.getFirst("family_name"),
                        form.getFirst("email") == null ? null
                                : List.of(new SignatureRequest.EmailAddress(form.getFirst("email"))),
                        List.of(new SignatureRequest.PostalAddress(form.getFirst("postal_code"), form.getFirst("country")))),
                form.getFirst("comments"),
                new SignatureRequest.ConsentAnswer(isChecked(form.getFirst("email_updates")),
                        form.getFirst("consent_text_version")),
                new SignatureRequest.ReferrerData(form.getFirst("referrer_source"), form.getFirst("referrer_website"),
                        form.getFirst("referrer_url")),
                form.getFirst("homepage"),
                instant(form.getFirst("form_rendered_at")),
                form.getFirst("idempotency_key"),
                form.getFirst("captcha_token"));
    }

    private static boolean isChecked(String value) {
        return value != null && CHECKED.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.unprocessable("the signature has 1 invalid field(s)",
                    Map.of("form_rendered_at", "an ISO-8601 instant such as 2026-11-23T09:30:00Z"));
        }
    }
}
