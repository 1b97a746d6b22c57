package org.petitionpipeline.reporting.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.contracts.http.ProblemException;
import org.petitionpipeline.reporting.repository.PetitionTotal;
import org.petitionpipeline.reporting.repository.TotalsRepository;

/** The public live total of a petition. */
@Path("/api/petitions/{slug}/total")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionTotalResource {

    private final TotalsRepository totals;

    public PetitionTotalResource(TotalsRepository totals) {
        this.totals = totals;
    }

    @GET
    public PetitionTotal total(@PathParam("slug") String slug) {
        return totals.findTotal(slug)
                .orElseThrow(() -> ProblemException.notFound("there is no petition '" + slug + "'"));
    }
}
