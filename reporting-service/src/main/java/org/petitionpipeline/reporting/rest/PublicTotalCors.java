package org.petitionpipeline.reporting.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The embed widget on any page reads the public total (and its stream) from another origin. The total is
 * public and carries no credentials, so any origin may read it; every other path of this service stays
 * same-origin. Simple GETs need no preflight, so none is answered.
 */
@ApplicationScoped
public class PublicTotalCors {

    private static final String PUBLIC_TOTAL = "/api/petitions/[^/]+/total(/stream)?";

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PUBLIC_TOTAL).order(Integer.MIN_VALUE).handler(context -> {
            context.response().headers().set("Access-Control-Allow-Origin", "*");
            context.next();
        });
    }
}
