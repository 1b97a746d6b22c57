package org.petitionpipeline.reporting.live;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.petitionpipeline.reporting.counting.PetitionTotal;
import org.petitionpipeline.reporting.counting.TotalsRepository;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/**
 * The public live total of a petition. Embeds on busy pages poll it: a CDN or browser may keep it two seconds,
 * and asks again with the ETag, answered 304 without a body while the total stands.
 */
@Path("/api/petitions/{slug}/total")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionTotalResource {

    private static final String CACHE_CONTROL = "public, max-age=2";

    private final TotalsRepository totals;

    public PetitionTotalResource(TotalsRepository totals) {
        this.totals = totals;
    }

    @GET
    public Response total(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        PetitionTotal total = totals.findTotal(slug).orElseThrow(() -> NoSuchPetition.named(slug));
        String entityTag = entityTag(total);
        Response.ResponseBuilder answer = EntityTags.anyMatches(ifNoneMatch, entityTag)
                ? Response.notModified()
                : Response.ok(total);
        return answer.header(HttpHeaders.ETAG, entityTag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    /** Strong: every field of the body changes only with the total or with updated_at. */
    private static String entityTag(PetitionTotal total) {
        return "\"" + total.total() + "-" + ChronoUnit.MICROS.between(Instant.EPOCH, total.updatedAt()) + "\"";
    }
}
