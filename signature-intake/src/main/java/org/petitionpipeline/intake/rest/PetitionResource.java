package org.petitionpipeline.intake.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.http.ProblemException;

/** What an embed shows before signing (title, text, targets and their phones, consent wording), from the in-memory catalog. */
@Path("/api/petitions/{slug}")
@Produces(MediaType.APPLICATION_JSON)
public class PetitionResource {

    private final PetitionCatalog catalog;

    public PetitionResource(PetitionCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public PublicPetition petition(@PathParam("slug") String slug) {
        return catalog.find(slug).map(PublicPetition::of)
                .orElseThrow(() -> ProblemException.notFound("there is no petition '" + slug + "'"));
    }
}
