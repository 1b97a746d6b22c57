package org.petitionpipeline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the signer agreed to, and to which wording in which language: the evidence a consent record keeps.
 * {@code language} is also the language the signer's mails are written in; null in events written before languages
 * existed (English).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Consent(boolean emailUpdates, String textVersion, String language) {

    public Consent {
        language = language == null ? Languages.DEFAULT : language;
    }
}
