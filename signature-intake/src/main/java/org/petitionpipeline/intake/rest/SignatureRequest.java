package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signature as an embed sends it; field names follow OSDI where it has them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignatureRequest(
        Person person,
        String comments,
        ConsentAnswer consent,
        ReferrerData referrerData,
        @Schema(description = "Honeypot: a field hidden from people. Leave it empty; a value marks the signature as automated.")
        String homepage,
        @Schema(description = "When the form was shown (ISO-8601, e.g. new Date().toISOString()); signatures sooner than "
                + "intake.defence.min-fill-time after it are refused as automated.")
        Instant formRenderedAt,
        @Schema(description = "Alternative to the Idempotency-Key header, for clients that cannot set headers.")
        String idempotencyKey,
        @Schema(description = "The token of the captcha widget, when the captcha is enabled.")
        String captchaToken) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Person(String givenName, String familyName, List<EmailAddress> emailAddresses,
            List<PostalAddress> postalAddresses) {
    }

    public record EmailAddress(String address) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PostalAddress(String postalCode, String country) {
    }

    /**
     * The opt-in box, and which version of the consent wording the form showed, in which language. The version must
     * be the petition's current one in that language: consent evidence records the wording a signer actually saw.
     * A language the petition is not written in counts as its default language.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsentAnswer(boolean emailUpdates, String textVersion, String language) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReferrerData(String source, String website, String url) {
    }
}
