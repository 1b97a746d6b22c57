package org.petitionpipeline.reporting.counting;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.reporting.access.AdminAccessFilter;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/** Organizers' split of a petition's total by country, region and hour (bearer token, see {@link AdminAccessFilter}). */
@Path("/api/admin/petitions/{slug}/breakdown")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionBreakdownResource {

    private final BreakdownRepository breakdowns;

    public PetitionBreakdownResource(BreakdownRepository breakdowns) {
        this.breakdowns = breakdowns;
    }

    @GET
    public PetitionBreakdown breakdown(@PathParam("slug") String slug) {
        return breakdowns.find(slug).orElseThrow(() -> NoSuchPetition.named(slug));
    }
}
