package org.petitionpipeline.reporting.access;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.petitionpipeline.reporting.identity.Secrets;

/**
 * Refuses every console form (any request under {@code /console} or {@code /ops} but a read) that another site could
 * have made the browser send: its {@code Origin}, when the browser names one, must be this site, and its
 * {@value #FIELD} field must carry the session's synchronizer token (a hidden field of every form). The login form
 * has no session yet: it sends back the token of its double-submit cookie instead. The SameSite=Strict cookie already
 * stops most forgeries; this holds where it does not (an older browser, a sibling subdomain under attack).
 */
public class ConsoleCsrfFilter {

    public static final String FIELD = "_csrf";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String LOGIN = "/console/login";

    private final ConsoleRequest console;

    public ConsoleCsrfFilter(ConsoleRequest console) {
        this.console = console;
    }

    /* After ConsoleAccessFilter, which finds the session; the form is read first to find the token in it. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    @WithFormRead
    public Response requireSameSiteForm(ContainerRequestContext request, ServerRequestContext server) {
        String path = request.getUriInfo().getPath();
        if (READS.contains(request.getMethod()) || !ConsoleRole.isConsolePath(path)) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals(originOf(request.getUriInfo().getBaseUri()))) {
            return refusal(request, "this form was sent from another site (" + origin + "); use the console's own "
                    + "pages");
        }
        String expected;
        if (path.equals(LOGIN)) {
            Cookie cookie = request.getCookies().get(ConsoleLoginResource.LOGIN_CSRF_COOKIE);
            expected = cookie == null ? null : cookie.getValue();
        } else if (console.loggedIn()) {
            expected = console.csrfToken();
        } else {
            return null; // no session a forged form could act in (logging out of none)
        }
        if (!Secrets.same(expected, formField(server))) {
            return refusal(request, "this form is out of date or was not sent from the console's own page; reload "
                    + "the page and send it again");
        }
        return null;
    }

    private static String formField(ServerRequestContext server) {
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) server;
        return context.getFormData() == null ? null : (String) context.getFormParameter(FIELD, true, false);
    }

    /** How a browser writes this site's origin: scheme, host, and the port when it is not the scheme's own. */
    static String originOf(URI site) {
        String scheme = site.getScheme().toLowerCase(Locale.ROOT);
        int port = site.getPort();
        boolean usual = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + site.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
    }

    private static Response refusal(ContainerRequestContext request, String detail) {
        return ConsolePages.refusal(request.getAcceptableMediaTypes(), Response.Status.FORBIDDEN, detail);
    }
}
