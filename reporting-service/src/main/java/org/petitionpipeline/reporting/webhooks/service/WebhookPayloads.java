package org.petitionpipeline.reporting.webhooks.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;
import org.petitionpipeline.reporting.webhooks.repository.Delivery;

/**
 * The body of a webhook (or each element of a batch's array): an envelope ({@code id}, {@code type},
 * {@code created_at}) around its data. A signature event's data is an {@code osdi:signature} made at each attempt from
 * the signer row a delivery report lists, so a webhook carries exactly what the organization's CSV export shows
 * (names, postal code, region, country, comment: never the email address, which the organization is not given) and
 * nothing of a signer erased since the event. Any other event's data was made when it was queued
 * ({@link WebhookEventBodies}) and carries identifiers and figures, no personal data.
 */
@ApplicationScoped
public class WebhookPayloads {

    /** The type of the event an organizer sends from the console to try an endpoint. */
    public static final String TEST_TYPE = "webhook.test";

    /* What a test event says of its made-up signer: the shape of a real one, nobody's data. */
    private static final Signer TEST_SIGNER = new Signer(null, new Person("Test", "Signer",
            List.of(new PostalAddress("20500", "US-DC", "US"))), "A test event, sent from the organizer console.", null);

    private static final String SIGNERS = """
            select signature_id, given_name, family_name, postal_code, region, country, comment, signed_at
            from reporting.signer where signature_id = any(?::uuid[])""";

    private final Statements statements;
    private final ObjectMapper json;
    private final String publicUrl;

    public WebhookPayloads(DataSource dataSource, ObjectMapper json, DeliveryReportConfig config) {
        this.statements = new Statements(dataSource);
        this.json = json;
        this.publicUrl = config.publicUrl();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Envelope(UUID id, String type, Instant createdAt, Object data) {
    }

    /** An OSDI signature; fields without a value are left out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Signature(List<String> identifiers, Instant actionDate, Person person, String comments,
            @JsonProperty("_links") Map<String, Link> links) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String givenName, String familyName, List<PostalAddress> postalAddresses) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostalAddress(String postalCode, String region, String country) {
    }

    public record Link(String href) {
    }

    private record Signer(UUID signatureId, Person person, String comment, Instant signedAt) {
    }

    /** One event's body, or for an endpoint in batch mode the JSON array of the events. */
    public byte[] render(List<Delivery> deliveries, boolean batch) {
        Map<UUID, Signer> signers = signersOf(deliveries);
        List<Envelope> envelopes = deliveries.stream()
                .map(delivery -> envelope(delivery, signers.get(delivery.signatureId()))).toList();
        try {
            return json.writeValueAsBytes(batch ? envelopes : envelopes.get(0));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + deliveries.size() + " webhooks", e);
        }
    }

    private Envelope envelope(Delivery delivery, Signer signer) {
        if (delivery.data() != null) {
            return new Envelope(delivery.eventId(), delivery.eventType(), delivery.occurredAt(),
                    new RawValue(delivery.data()));
        }
        if (TEST_TYPE.equals(delivery.eventType())) {
            return new Envelope(delivery.eventId(), delivery.eventType(), delivery.occurredAt(), new Signature(
                    List.of("petition-pipeline:test-" + delivery.signatureId()), delivery.occurredAt(),
                    TEST_SIGNER.person(), TEST_SIGNER.comment(), Map.of()));
        }
        Optional<Signer> known = Optional.ofNullable(signer);
        Signature signature = new Signature(List.of("petition-pipeline:" + delivery.signatureId()),
                known.map(Signer::signedAt).orElse(null), known.map(Signer::person).orElse(null),
                known.map(Signer::comment).orElse(null),
                Map.of("osdi:petition", petitionLink(delivery.petitionSlug())));
        return new Envelope(delivery.eventId(), delivery.eventType(), delivery.occurredAt(), signature);
    }

    /** The petition in the admin API, as every event of a petition links it. */
    public Link petitionLink(String slug) {
        return new Link(publicUrl + "/api/admin/petitions/" + slug);
    }

    private Map<UUID, Signer> signersOf(List<Delivery> deliveries) {
        String[] ids = deliveries.stream().filter(delivery -> delivery.signatureId() != null)
                .map(delivery -> delivery.signatureId().toString()).distinct()
                .toArray(String[]::new);
        return statements.query("read the signers of " + ids.length + " webhooks", row -> {
            PostalAddress address = new PostalAddress(row.getString("postal_code"), row.getString("region"),
                    row.getString("country"));
            boolean anyAddress = address.postalCode() != null || address.region() != null || address.country() != null;
            return new Signer(row.getObject("signature_id", UUID.class), new Person(row.getString("given_name"),
                    row.getString("family_name"), anyAddress ? List.of(address) : null), row.getString("comment"),
                    row.getTimestamp("signed_at").toInstant());
        }, SIGNERS, (Object) ids).stream().collect(Collectors.toMap(Signer::signatureId, Function.identity()));
    }
}
