package org.petitionpipeline.reporting.counting;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.reporting.access.AdminAccessFilter;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/** Organizers' and ops' view of a petition's signatures by outcome (bearer token, see {@link AdminAccessFilter}). */
@Path("/api/admin/petitions/{slug}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionStatsResource {

    private final TotalsRepository totals;

    public PetitionStatsResource(TotalsRepository totals) {
        this.totals = totals;
    }

    @GET
    public PetitionStats stats(@PathParam("slug") String slug) {
        return totals.findStats(slug).orElseThrow(() -> NoSuchPetition.named(slug));
    }
}
