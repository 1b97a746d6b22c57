package org.petitionpipeline.reporting.calls;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/** The public count of calls signers reported, which the embed's call step shows ("N people have called"). */
@Path("/api/petitions/{slug}/calls")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionCallsResource {

    private final CallCountRepository calls;

    public PetitionCallsResource(CallCountRepository calls) {
        this.calls = calls;
    }

    @GET
    public PetitionCalls calls(@PathParam("slug") String slug) {
        return calls.find(slug).orElseThrow(() -> NoSuchPetition.named(slug));
    }
}
