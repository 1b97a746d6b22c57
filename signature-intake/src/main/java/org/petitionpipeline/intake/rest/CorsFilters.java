package org.petitionpipeline.intake.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.intake.config.CorsConfig;
import org.petitionpipeline.intake.service.EmbeddingOrigins;
import org.petitionpipeline.intake.service.KnownPetitions;
import org.petitionpipeline.kit.http.Problem;

/**
 * CORS for embeds, per petition: the preflight is answered here, before any resource, and every answer to
 * an allowed origin carries {@code Access-Control-Allow-Origin}. Quarkus' own CORS filter knows one global
 * list only; petitions name their own origins.
 */
public class CorsFilters {

    private static final Pattern PETITION_PATH = Pattern.compile("/api/petitions/([^/]+)(?:/.*)?");
    private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "accept", "idempotency-key");
    private static final String ALLOWED_METHODS = "GET, POST";
    private static final String EXPOSED_HEADERS = "Retry-After, Location";

    private final EmbeddingOrigins origins;
    private final KnownPetitions petitions;
    private final CorsConfig config;

    public CorsFilters(EmbeddingOrigins origins, KnownPetitions petitions, CorsConfig config) {
        this.origins = origins;
        this.petitions = petitions;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response preflight(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String requestedMethod = request.getHeaderString("Access-Control-Request-Method");
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || origin == null || requestedMethod == null) {
            return null;
        }
        if (!petitions.loaded()) {
            // a petition's own origins are not known yet: a 403 now would be a refusal the browser does not retry
            return KnownPetitions.stillLoading().getResponse();
        }
        if (!origins.allows(origin, petitionOf(request.getUriInfo().getPath()))) {
            return Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(403, "Forbidden", "this petition cannot be embedded on " + origin)).build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .header("Access-Control-Allow-Headers", allowedOf(request.getHeaderString("Access-Control-Request-Headers")))
                .header("Access-Control-Max-Age", config.maxAge().toSeconds())
                .header(HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
                .build();
    }

    @ServerResponseFilter
    public void allowOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && origins.allows(origin, petitionOf(request.getUriInfo().getPath()))) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        response.getHeaders().add(HttpHeaders.VARY, "Origin");
    }

    /** Null for a path of no petition, and while the catalog loads (answers are then 503, by the global rules). */
    private PetitionDefinition petitionOf(String path) {
        Matcher matcher = PETITION_PATH.matcher(path);
        return matcher.matches() && petitions.loaded() ? petitions.find(matcher.group(1)).orElse(null) : null;
    }

    private static String allowedOf(String requestedHeaders) {
        if (requestedHeaders == null) {
            return String.join(", ", ALLOWED_HEADERS);
        }
        return Arrays.stream(requestedHeaders.split(","))
                .map(header -> header.strip().toLowerCase(Locale.ROOT))
                .filter(ALLOWED_HEADERS::contains)
                .collect(Collectors.joining(", "));
    }
}
