package org.petitionpipeline.email.mailings.rest;

/** An organizer's update: a one-line subject and a Markdown body (HTML inside it is allowed, and sanitized). */
public record UpdateRequest(String subject, String body) {
}
