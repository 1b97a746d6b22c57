package org.petitionpipeline.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The public address sends each request to the service that answers it (the services' READMEs list them). */
class GatewayRoutesTest {

    private static final GatewayRoutes ROUTES = new GatewayRoutes(
            RenderedOverlay.render("ha").all(HTTPRoute.class).get(0));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "POST, /api/petitions/demo/signatures, signature-intake",
            "POST, /api/petitions/demo/calls, signature-intake",
            "GET, /api/petitions/demo, signature-intake",
            "GET, /embed.js, signature-intake",
            "GET, /petitions/demo/embed, signature-intake",
            "GET, /petitions/demo/thank-you, signature-intake",
            "GET, /privacy, signature-intake",
            "GET, /api/petitions/demo/calls, reporting-service",
            "GET, /api/petitions/demo/total, reporting-service",
            "GET, /api/petitions/demo/total/stream, reporting-service",
            "GET, /petitions/demo, reporting-service",
            "GET, /api/reports/demo/report.pdf, reporting-service",
            "POST, /api/admin/petitions, reporting-service",
            "GET, /api/admin/petitions/demo/stats, reporting-service",
            "GET, /console, reporting-service",
            "GET, /ops, reporting-service",
            "POST, /login, reporting-service",
            "GET, /confirm, email-service",
            "POST, /unsubscribe, email-service",
            "GET, /privacy/erase, email-service",
            "POST, /privacy/erase/confirm, email-service",
            "POST, /api/admin/erasures, email-service",
            "GET, /api/admin/erasures/6f0c, email-service",
            "GET, /privacy/export, email-service",
            "GET, /privacy/export/view, email-service",
            "POST, /api/admin/access-requests, email-service",
            "GET, /api/admin/access-requests/6f0c, email-service",
            "POST, /api/webhooks/bounces, email-service",
            "POST, /api/admin/petitions/demo/updates, email-service",
            "GET, /api/admin/petitions/demo/updates/6f0c, email-service",
            "GET, /api/admin/held, dedup-service",
            "POST, /api/admin/held/release, dedup-service",
            "POST, /api/admin/invalidations, dedup-service",
            "GET, /api/admin/petitions/demo/held, dedup-service",
            "POST, /api/admin/petitions/demo/held/release, dedup-service",
            "POST, /api/admin/petitions/demo/invalidations, dedup-service",
            "GET, /api/admin/petitions/demo/heldover, reporting-service"})
    void eachRequestReachesTheServiceThatAnswersIt(String method, String path, String service) {
        assertThat(ROUTES.backendOf(method, path)).as("%s %s", method, path).contains(service);
    }
}
