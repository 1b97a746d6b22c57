package org.petitionpipeline.reporting.osdi.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** OSDI's collection envelope: the paging figures, the page's links and its resources under {@code _embedded}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HalCollection(long totalPages, int perPage, int page, long totalRecords,
        @JsonProperty("_links") Map<String, HalLink> links, @JsonProperty("_embedded") Map<String, List<?>> embedded) {
}
