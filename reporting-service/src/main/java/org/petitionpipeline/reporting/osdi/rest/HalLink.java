package org.petitionpipeline.reporting.osdi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A HAL link; the entry point titles its links for people who browse the API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HalLink(String href, String title) {

    public static HalLink to(String href) {
        return new HalLink(href, null);
    }
}
