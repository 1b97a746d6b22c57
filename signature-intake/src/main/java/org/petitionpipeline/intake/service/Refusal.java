package org.petitionpipeline.intake.service;

import java.util.Locale;

/** Why intake refused a signature, as ops see it in the metrics ({@code reason} tag). */
public enum Refusal {
    CATALOG_LOADING,
    UNKNOWN_PETITION,
    CLOSED_PETITION,
    ORIGIN_NOT_ALLOWED,
    RATE_LIMITED_IP,
    RATE_LIMITED_EMAIL,
    HONEYPOT,
    FILLED_TOO_FAST,
    CAPTCHA_FAILED,
    INVALID_FIELDS,
    KAFKA_UNAVAILABLE;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
