package org.petitionpipeline.intake.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A signature as an embed sends it; field names follow OSDI where it has them. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignatureRequest(Person person, String comments, ConsentAnswer consent, ReferrerData referrerData) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Person(String givenName, String familyName, List<EmailAddress> emailAddresses,
            List<PostalAddress> postalAddresses) {
    }

    public record EmailAddress(String address) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PostalAddress(String postalCode, String country) {
    }

    /** The opt-in box. Which wording it showed is the petition's current consent text, not the client's word. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConsentAnswer(boolean emailUpdates) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReferrerData(String source, String website, String url) {
    }
}
