package org.petitionpipeline.reporting.live;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The embed widget on any page reads the public total (and its stream) and the count of calls from another origin.
 * They are public and carry no credentials, so any origin may read them; every other path of this service stays
 * same-origin. Simple GETs need no preflight, so none is answered.
 */
@ApplicationScoped
public class PublicTotalCors {

    private static final String PUBLIC_COUNTS = "/api/petitions/[^/]+/(total(/stream)?|calls)";

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PUBLIC_COUNTS).order(Integer.MIN_VALUE).handler(context -> {
            context.response().headers().set("Access-Control-Allow-Origin", "*");
            context.next();
        });
    }
}
