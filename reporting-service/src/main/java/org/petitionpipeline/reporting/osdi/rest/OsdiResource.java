package org.petitionpipeline.reporting.osdi.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.OrgRole;
import org.petitionpipeline.reporting.identity.OrganizationRoles;
import org.petitionpipeline.reporting.osdi.paging.ListPages;
import org.petitionpipeline.reporting.osdi.paging.PageRequest;
import org.petitionpipeline.reporting.osdi.paging.Position;
import org.petitionpipeline.reporting.osdi.repository.FeedPetition;
import org.petitionpipeline.reporting.osdi.repository.FeedSignature;
import org.petitionpipeline.reporting.osdi.repository.OrganizationPetitions;
import org.petitionpipeline.reporting.osdi.repository.SignatureFeed;

/**
 * The OSDI pull API of one organization (docs/osdi.md): its entry point, petitions and each petition's signatures as
 * HAL+JSON, for CRMs that sync on a schedule. Owners and editors read it with their API tokens, as the admin API;
 * anyone else learns nothing, not even that the organization exists.
 */
@Path(OsdiLinks.ROOT + "{organization}")
@Produces({OsdiResource.HAL_JSON, MediaType.APPLICATION_JSON})
public class OsdiResource {

    static final String HAL_JSON = "application/hal+json";
    private static final String WHAT = "OSDI API";

    private final OrganizationRoles roles;
    private final OrganizationPetitions petitions;
    private final SignatureFeed signatures;
    private final OsdiLinks links;

    public OsdiResource(OrganizationRoles roles, OrganizationPetitions petitions, SignatureFeed signatures,
            OsdiLinks links) {
        this.roles = roles;
        this.petitions = petitions;
        this.signatures = signatures;
        this.links = links;
    }

    @GET
    public EntryPoint entryPoint(@PathParam("organization") String organization) {
        roles.require(organization, OrgRole.EDITOR, WHAT);
        Map<String, HalLink> entries = new LinkedHashMap<>();
        entries.put("self", new HalLink(links.entryPoint(organization), "This API entry point"));
        entries.put("osdi:petitions", new HalLink(links.petitions(organization),
                "The petitions of organization " + organization));
        return new EntryPoint("Petitions and signatures of organization " + organization, PageRequest.MAX_PER_PAGE,
                entries);
    }

    @GET
    @Path("petitions")
    public HalCollection petitions(@PathParam("organization") String organization,
            @QueryParam("per_page") String perPage, @QueryParam("page") String page,
            @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("filter") String filter) {
        roles.require(organization, OrgRole.EDITOR, WHAT);
        PageRequest request = PageRequest.of(perPage, page, after, before, filter);
        return CollectionPage.of(links.petitions(organization), "osdi:petitions", request,
                ListPages.page(petitions.all(organization), request, OsdiResource::position),
                OsdiResource::position, petition -> resource(organization, petition));
    }

    @GET
    @Path("petitions/{slug}")
    public OsdiPetition petition(@PathParam("organization") String organization, @PathParam("slug") String slug) {
        roles.require(organization, OrgRole.EDITOR, WHAT);
        return resource(organization, petitionOf(organization, slug));
    }

    @GET
    @Path("petitions/{slug}/signatures")
    public HalCollection signatures(@PathParam("organization") String organization, @PathParam("slug") String slug,
            @QueryParam("per_page") String perPage, @QueryParam("page") String page,
            @QueryParam("after") String after, @QueryParam("before") String before,
            @QueryParam("filter") String filter) {
        roles.require(organization, OrgRole.EDITOR, WHAT);
        petitionOf(organization, slug);
        PageRequest request = PageRequest.of(perPage, page, after, before, filter);
        requireSignatureKey(request.after(), "after");
        requireSignatureKey(request.before(), "before");
        String petition = links.petition(organization, slug);
        return CollectionPage.of(links.signatures(organization, slug), "osdi:signatures", request,
                signatures.page(slug, request), OsdiResource::position,
                signature -> OsdiSignature.of(signature, petition));
    }

    private FeedPetition petitionOf(String organization, String slug) {
        return petitions.find(organization, slug).orElseThrow(() -> ProblemException.notFound(
                "organization '" + organization + "' has no petition '" + slug + "'"));
    }

    private OsdiPetition resource(String organization, FeedPetition petition) {
        return OsdiPetition.of(petition, links.petition(organization, petition.slug()),
                links.signatures(organization, petition.slug()));
    }

    /* A cursor of the petitions collection, or one made up, sent to the signatures. */
    private static void requireSignatureKey(Optional<Position> position, String parameter) {
        if (position.isPresent() && !isSignatureId(position.get().key())) {
            throw PageRequest.badRequest(parameter,
                    "is not a cursor of this collection; follow its next and previous links as they are");
        }
    }

    private static boolean isSignatureId(String key) {
        try {
            return UUID.fromString(key).toString().equals(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Position position(FeedPetition petition) {
        return new Position(petition.updatedAt(), petition.slug());
    }

    private static Position position(FeedSignature signature) {
        return new Position(signature.modifiedAt(), signature.signatureId().toString());
    }
}
