package org.petitionpipeline.intake.rest;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries, set before any other handler runs so that errors the HTTP layer answers on its
 * own (an oversized body, an unknown path) carry them too. JSON may never be framed or run as a page; the HTML
 * pages (thank-you, the form's error page, the privacy notice) load nothing but their inline style, and may show
 * inside the iframe embed. A page that states its own policy keeps it: the iframe embed runs the widget script.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final int ORDER = Integer.MIN_VALUE;

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'";

    private static void contentPolicy(MultiMap headers) {
        if (headers.contains("Content-Security-Policy")) {
            return;
        }
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("text/html")) {
            headers.set("Content-Security-Policy", PAGE_POLICY);
        } else {
            headers.set("Content-Security-Policy", API_POLICY);
            headers.set("X-Frame-Options", "DENY");
        }
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            String path = context.normalizedPath();
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("Strict-Transport-Security", "max-age=31536000");
            if (path.startsWith("/api/") || path.startsWith("/petitions/") || path.equals("/privacy")) {
                // decided when the headers go out: a form post under /api/ may be answered with a page
                context.addHeadersEndHandler(unused -> contentPolicy(headers));
            }
            context.next();
        });
    }
}
