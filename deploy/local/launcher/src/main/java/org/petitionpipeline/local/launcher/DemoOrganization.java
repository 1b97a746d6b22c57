package org.petitionpipeline.local.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The organization every local run starts with, made by the platform operator (the organizer token) with its first
 * owner, so there is someone to act as who sees only their organization's petitions: with an API token, and a
 * password for the console set with it.
 */
public final class DemoOrganization {

    public static final String SLUG = "campaign";
    public static final String OWNER = "owner@campaign.example";

    private static final String DEFINITION = """
            {"slug": "%s", "name": "Demo campaign", "owner_email": "%s"}""".formatted(SLUG, OWNER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOrganization() {
    }

    /** How the owner signs in: their first API token, and the console password set with it. */
    public record Owner(String token, String password) {
    }

    /** The owner's sign-in; empty when an earlier run made the organization (an external database kept it). */
    static Optional<Owner> ensure(URI reporting, String operatorToken) {
        HttpResponse<String> response = Http.postJson(reporting.resolve("/api/admin/organizations"), DEFINITION,
                operatorToken);
        if (response.statusCode() == 409) {
            return Optional.empty();
        }
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create the demo organization: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        String token;
        try {
            token = JSON.readTree(response.body()).at("/owner/first_token").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reporting answered the demo organization with no JSON", e);
        }
        String password = Secrets.random();
        HttpResponse<String> set = Http.postJson(reporting.resolve("/api/admin/account/password"),
                "{\"password\": \"%s\"}".formatted(password), token);
        if (set.statusCode() != 204) {
            throw new IllegalStateException("could not set the demo owner's password: HTTP " + set.statusCode()
                    + " " + set.body());
        }
        return Optional.of(new Owner(token, password));
    }
}
