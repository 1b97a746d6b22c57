package org.petitionpipeline.email.mailings.service;

/** What an organizer writes for one language of an update: a one-line subject and a Markdown body (HTML allowed). */
public record UpdateText(String subject, String body) {
}
