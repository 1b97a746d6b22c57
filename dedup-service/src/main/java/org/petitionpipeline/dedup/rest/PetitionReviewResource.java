package org.petitionpipeline.dedup.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.petitionpipeline.dedup.service.ReviewResult;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The review of one petition's signatures for its own organization: the same lists, releases and invalidations as
 * the platform operators' ({@link HeldSignatureResource}, {@link InvalidationResource}), with the petition named by
 * the path, so that the one rule of the admin API (service-kit AdminApiPolicy) lets its viewers read what is held and
 * its editors release or invalidate, and nobody else.
 */
@Path("/api/admin/petitions/{slug}")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class PetitionReviewResource {

    private static final String PETITION_FIELD = "petition_slug";

    private final HeldSignatureResource held;
    private final InvalidationResource invalidations;

    public PetitionReviewResource(HeldSignatureResource held, InvalidationResource invalidations) {
        this.held = held;
        this.invalidations = invalidations;
    }

    @GET
    @Path("/held")
    public HeldSignatureResource.HeldSignatures held(@PathParam("slug") String slug,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return held.list(slug, limit);
    }

    @POST
    @Path("/held/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewResult release(@PathParam("slug") String slug, ReviewRequest request) {
        return held.release(ofThisPetition(slug, request));
    }

    @POST
    @Path("/invalidations")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewResult invalidate(@PathParam("slug") String slug, ReviewRequest request) {
        return invalidations.invalidate(ofThisPetition(slug, request));
    }

    /* The path names the petition; a body naming another could reach beyond what the caller was let in for. */
    private static ReviewRequest ofThisPetition(String slug, ReviewRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("send the criteria as JSON", Map.of());
        }
        if (request.petitionSlug() != null && !request.petitionSlug().equals(slug)) {
            throw ProblemException.unprocessable("the criteria name another petition than the path",
                    Map.of(PETITION_FIELD, "leave it out, or name '" + slug + "'"));
        }
        return new ReviewRequest(slug, request.signatureIds(), request.ipRange(), request.emailDomain(),
                request.receivedFrom(), request.receivedUntil(), request.reason(), request.dryRun());
    }
}
