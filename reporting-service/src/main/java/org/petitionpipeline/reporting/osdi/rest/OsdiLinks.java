package org.petitionpipeline.reporting.osdi.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.petitionpipeline.reporting.osdi.paging.PageRequest;
import org.petitionpipeline.reporting.osdi.paging.Position;
import org.petitionpipeline.reporting.reports.config.DeliveryReportConfig;

/**
 * The absolute URLs of the OSDI API, from this service's public URL (as the report and webhook links are): a CRM
 * follows them as they are. Organization and petition slugs are URL-safe by their own rules; the filter is encoded.
 */
@ApplicationScoped
public class OsdiLinks {

    static final String ROOT = "/api/osdi/v1/organizations/";

    private final String publicUrl;

    public OsdiLinks(DeliveryReportConfig config) {
        this.publicUrl = config.publicUrl();
    }

    String entryPoint(String organization) {
        return publicUrl + ROOT + organization;
    }

    String petitions(String organization) {
        return entryPoint(organization) + "/petitions";
    }

    String petition(String organization, String slug) {
        return petitions(organization) + "/" + slug;
    }

    String signatures(String organization, String slug) {
        return petition(organization, slug) + "/signatures";
    }

    /** A page of a collection: its number, and where it starts (after) or ends (before); page 1 needs neither. */
    static String page(String collection, PageRequest request, int page, Optional<Position> after,
            Optional<Position> before) {
        List<String> parameters = new ArrayList<>();
        parameters.add("per_page=" + request.perPage());
        if (page > 1) {
            parameters.add("page=" + page);
        }
        after.ifPresent(position -> parameters.add("after=" + position.cursor()));
        before.ifPresent(position -> parameters.add("before=" + position.cursor()));
        request.filter().ifPresent(filter -> parameters.add("filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")));
        return collection + "?" + String.join("&", parameters);
    }
}
