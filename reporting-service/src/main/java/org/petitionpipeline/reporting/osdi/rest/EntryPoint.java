package org.petitionpipeline.reporting.osdi.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/** OSDI's API entry point (AEP) of one organization: where a CRM starts and what it may follow. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EntryPoint(String motd, int maxPagesize, @JsonProperty("_links") Map<String, HalLink> links) {
}
