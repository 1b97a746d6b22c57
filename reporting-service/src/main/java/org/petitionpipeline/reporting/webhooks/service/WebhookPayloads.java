package org.petitionpipeline.reporting.webhooks.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.petitionpipeline.kit.database.Statements;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;
import org.petitionpipeline.reporting.webhooks.repository.Delivery;

/**
 * The body of a webhook: an envelope ({@code id}, {@code type}, {@code created_at}) around an {@code osdi:signature}.
 * Made at each attempt from the signer row a delivery report lists, so a webhook carries exactly what the
 * organization's CSV export shows (names, postal code, region, country, comment: never the email address, which the
 * organization is not given) and nothing of a signer erased since the event.
 */
@ApplicationScoped
public class WebhookPayloads {

    private static final String SIGNER = """
            select given_name, family_name, postal_code, region, country, comment, signed_at
            from reporting.signer where signature_id = ?""";

    private final Statements statements;
    private final ObjectMapper json;
    private final String publicUrl;

    public WebhookPayloads(DataSource dataSource, ObjectMapper json, DeliveryReportConfig config) {
        this.statements = new Statements(dataSource);
        this.json = json;
        this.publicUrl = config.publicUrl();
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Envelope(UUID id, String type, Instant createdAt, Signature data) {
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

    private record Signer(Person person, String comment, Instant signedAt) {
    }

    public byte[] render(Delivery delivery) {
        Optional<Signer> signer = statements.query("read the signer of webhook " + delivery.eventId(), row -> {
            PostalAddress address = new PostalAddress(row.getString("postal_code"), row.getString("region"),
                    row.getString("country"));
            boolean anyAddress = address.postalCode() != null || address.region() != null || address.country() != null;
            return new Signer(new Person(row.getString("given_name"), row.getString("family_name"),
                    anyAddress ? List.of(address) : null), row.getString("comment"),
                    row.getTimestamp("signed_at").toInstant());
        }, SIGNER, delivery.signatureId()).stream().findFirst();
        Signature signature = new Signature(List.of("petition-pipeline:" + delivery.signatureId()),
                signer.map(Signer::signedAt).orElse(null), signer.map(Signer::person).orElse(null),
                signer.map(Signer::comment).orElse(null),
                Map.of("osdi:petition", new Link(publicUrl + "/api/admin/petitions/" + delivery.petitionSlug())));
        try {
            return json.writeValueAsBytes(new Envelope(delivery.eventId(), delivery.eventType(), delivery.occurredAt(),
                    signature));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write webhook " + delivery.eventId(), e);
        }
    }
}
