package org.petitionpipeline.reporting.osdi.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.reporting.osdi.repository.FeedPetition;

/** An {@code osdi:petition}: {@code total_signatures} is the public total, the one the petition's page shows. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OsdiPetition(List<String> identifiers, String originSystem, Instant createdDate, Instant modifiedDate,
        String title, String description, List<Target> target, long totalSignatures,
        @JsonProperty("_links") Map<String, HalLink> links) {

    public record Target(String name) {
    }

    static OsdiPetition of(FeedPetition petition, String selfHref, String signaturesHref) {
        return new OsdiPetition(List.of(OsdiSignature.IDENTIFIER_PREFIX + petition.slug()),
                OsdiSignature.ORIGIN_SYSTEM, petition.createdAt(), petition.updatedAt(), petition.title(),
                petition.text(), petition.targets().stream().map(target -> new Target(target.name())).toList(),
                petition.total(), Map.of("self", HalLink.to(selfHref), "osdi:signatures", HalLink.to(signaturesHref)));
    }
}
