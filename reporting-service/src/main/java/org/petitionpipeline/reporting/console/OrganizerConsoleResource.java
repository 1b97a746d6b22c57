package org.petitionpipeline.reporting.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.petitionpipeline.reporting.access.ConsoleAccessFilter;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;

/** The organizer console (organizer login, see {@link ConsoleAccessFilter}): petitions, live totals, breakdowns. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OrganizerConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance petitions(List<PetitionRow> petitions);

        static native TemplateInstance petition(PetitionPage page);
    }

    private final OrganizerConsole console;

    public OrganizerConsoleResource(OrganizerConsole console) {
        this.console = console;
    }

    @GET
    public TemplateInstance petitions() {
        return Templates.petitions(console.petitions());
    }

    @GET
    @Path("/petitions/{slug}")
    public TemplateInstance petition(@PathParam("slug") String slug) {
        return Templates.petition(console.page(slug, Instant.now()).orElseThrow(() -> NoSuchPetition.named(slug)));
    }
}
