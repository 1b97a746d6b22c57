package org.petitionpipeline.email.mailings.repository;

import java.util.UUID;

/** An organizer's update as the worker sends it: the same subject and sanitized body for every recipient. */
public record Mailing(UUID id, String petitionSlug, String subject, String htmlBody, String textBody) {
}
