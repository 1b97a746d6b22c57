package org.petitionpipeline.email.mailings.repository;

import java.util.Map;
import java.util.UUID;

/**
 * An organizer's update as the worker sends it: the same subject and sanitized body for every recipient of a language,
 * in the petition's default language ({@code original}) and in any others the organizer wrote it in.
 */
public record Mailing(UUID id, String petitionSlug, Version original, Map<String, Version> translations) {

    /** The update in one language. */
    public record Version(String language, String subject, String htmlBody, String textBody) {
    }

    public Mailing {
        translations = Map.copyOf(translations);
    }

    /** The version in {@code language}, or the original where the organizer wrote none in it. */
    public Version in(String language) {
        return language == null ? original : translations.getOrDefault(language, original);
    }
}
