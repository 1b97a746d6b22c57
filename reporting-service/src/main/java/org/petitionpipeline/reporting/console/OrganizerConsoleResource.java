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
import org.petitionpipeline.kit.identity.Caller;
import org.petitionpipeline.kit.identity.CurrentCaller;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.access.ConsoleAccessFilter;
import org.petitionpipeline.reporting.identity.PetitionAccess;
import org.petitionpipeline.reporting.maps.Choropleth;
import org.petitionpipeline.reporting.petitions.NoSuchPetition;
import org.petitionpipeline.reporting.petitions.PetitionService;

/**
 * The organizer console (see {@link ConsoleAccessFilter}): petitions, live totals, breakdowns, each of those the
 * logged-in person may see as the admin API would answer them ({@link PetitionAccess}).
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class OrganizerConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance petitions(List<PetitionRow> petitions);

        /** @param signerLists whether to link the delivery reports, which platform operators only read as members */
        static native TemplateInstance petition(PetitionPage page, boolean signerLists);

        static native TemplateInstance maps(List<Choropleth> maps);
    }

    private final OrganizerConsole console;
    private final PetitionService petitions;
    private final PetitionAccess access;
    private final CurrentCaller caller;

    public OrganizerConsoleResource(OrganizerConsole console, PetitionService petitions, PetitionAccess access,
            CurrentCaller caller) {
        this.console = console;
        this.petitions = petitions;
        this.access = access;
        this.caller = caller;
    }

    @GET
    public TemplateInstance petitions() {
        return Templates.petitions(console.petitions(petitions.visibleTo(caller.get())));
    }

    /** Another organization's petition is not there for the caller: 404, as in the admin API. */
    @GET
    @Path("/petitions/{slug}")
    public TemplateInstance petition(@PathParam("slug") String slug) {
        Caller who = caller.get();
        access.checkRead(who, slug);
        PetitionPage page = console.page(slug, Instant.now()).orElseThrow(() -> NoSuchPetition.named(slug));
        boolean signerLists = petitions.organizationOf(slug).map(organization -> who.may(organization, OrgRole.VIEWER))
                .orElse(false);
        return Templates.petition(page, signerLists);
    }

    /** The petition page's maps as an HTML fragment, which the page swaps in as signatures arrive. */
    @GET
    @Path("/petitions/{slug}/maps")
    public TemplateInstance maps(@PathParam("slug") String slug) {
        access.checkRead(caller.get(), slug);
        return Templates.maps(console.maps(slug).orElseThrow(() -> NoSuchPetition.named(slug)));
    }
}
