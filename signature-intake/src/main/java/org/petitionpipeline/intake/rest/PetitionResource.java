package org.petitionpipeline.intake.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.intake.service.KnownPetitions;

/** What an embed shows before signing (title, text, targets and their phones, consent wording), from the in-memory catalog. */
@Path("/api/petitions/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionResource {

    private final KnownPetitions petitions;

    public PetitionResource(KnownPetitions petitions) {
        this.petitions = petitions;
    }

    @GET
    public PublicPetition petition(@PathParam("slug") String slug) {
        return PublicPetition.of(petitions.require(slug));
    }
}
