package org.petitionpipeline.reporting.reports.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** What a mailed report link carries: the report it names, its expiry and the signature over both. */
public class SignedReportLink {

    @PathParam("slug")
    String slug;

    @QueryParam("as_of")
    String asOf;

    @QueryParam("region")
    String region;

    @QueryParam("expires")
    String expires;

    @QueryParam("signature")
    String signature;
}
