package org.petitionpipeline.intake.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.petitionpipeline.intake.rest.SignatureForm;
import org.petitionpipeline.intake.rest.SignatureRequest;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * A plain HTML form's fields (the embed without JavaScript) as the same request the JSON API takes, so both
 * go through one validation.
 */
@ApplicationScoped
public class FormSignatureMapper {

    private static final Set<String> CHECKED = Set.of("on", "true", "yes", "1");

    public SignatureRequest toRequest(SignatureForm form) {
        return new SignatureRequest(
                new SignatureRequest.Person(form.givenName, form.familyName,
                        form.email == null ? null : List.of(new SignatureRequest.EmailAddress(form.email)),
                        List.of(new SignatureRequest.PostalAddress(form.postalCode, form.country))),
                form.comments,
                new SignatureRequest.ConsentAnswer(isChecked(form.emailUpdates), form.consentTextVersion,
                        form.language),
                new SignatureRequest.ReferrerData(form.referrerSource, form.referrerWebsite, form.referrerUrl),
                form.homepage,
                instant(form.formRenderedAt),
                form.idempotencyKey,
                form.captchaToken);
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
