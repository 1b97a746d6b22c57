package org.petitionpipeline.reporting.osdi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.reporting.osdi.repository.FeedSignature;
import org.petitionpipeline.reporting.webhooks.service.WebhookPayloads.Person;
import org.petitionpipeline.reporting.webhooks.service.WebhookPayloads.PostalAddress;

/**
 * An {@code osdi:signature} as the webhooks carry it (the person with what the organization's delivery report CSV
 * shows of them, never an email address), with its created and modified dates and its state in
 * {@code custom_fields}: {@code status} (accepted, verified or invalidated) and when it was verified, invalidated or
 * erased. An erased signer's entry keeps only its identifier, dates and state, so a CRM that pulled it learns to erase
 * its copy; the CSV no longer lists them at all. Fields without a value are left out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsdiSignature(List<String> identifiers, String originSystem, Instant createdDate, Instant modifiedDate,
        Instant actionDate, Person person, String comments, Map<String, Object> customFields,
        @JsonProperty("_links") Map<String, HalLink> links) {

    static final String IDENTIFIER_PREFIX = "petition-pipeline:";
    static final String ORIGIN_SYSTEM = "Petition Pipeline";

    static OsdiSignature of(FeedSignature signature, String petitionHref) {
        boolean erased = signature.erasedAt() != null;
        return new OsdiSignature(List.of(IDENTIFIER_PREFIX + signature.signatureId()), ORIGIN_SYSTEM,
                signature.signedAt(), signature.modifiedAt(), signature.signedAt(), erased ? null : person(signature),
                erased ? null : signature.comment(), state(signature),
                Map.of("osdi:petition", HalLink.to(petitionHref)));
    }

    private static Person person(FeedSignature signature) {
        PostalAddress address = new PostalAddress(signature.postalCode(), signature.region(), signature.country());
        boolean anyAddress = address.postalCode() != null || address.region() != null || address.country() != null;
        return new Person(signature.givenName(), signature.familyName(), anyAddress ? List.of(address) : null);
    }

    private static Map<String, Object> state(FeedSignature signature) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", signature.invalidatedAt() != null ? "invalidated"
                : signature.verifiedAt() != null ? "verified" : "accepted");
        putIfSet(state, "verified_date", signature.verifiedAt());
        putIfSet(state, "invalidated_date", signature.invalidatedAt());
        putIfSet(state, "erased_date", signature.erasedAt());
        return state;
    }

    private static void putIfSet(Map<String, Object> state, String field, Instant value) {
        if (value != null) {
            state.put(field, value);
        }
    }
}
