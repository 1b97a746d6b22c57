package org.petitionpipeline.email.privacy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.email.mail.MailAddresses;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.input.SafeText;

/**
 * Ops file an erasure a person asked for by letter, phone or otherwise (bearer token, see
 * {@link org.petitionpipeline.email.web.ApiTokenFilter}), and follow any erasure to its end. Posting answers 202 at
 * once; the Location shows which services are done.
 */
@Path("/api/admin/erasures")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureAdminResource {

    private static final int MAX_TEXT = 200;
    private static final int MAX_LIST = 200;

    private final ErasureService erasures;

    public ErasureAdminResource(ErasureService erasures) {
        this.erasures = erasures;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response file(ErasureFiling filing, @Context UriInfo uri) {
        String address = checked(filing);
        ErasureStatus filed = erasures.fileForPerson(address, filing.channel(), filing.filedBy().strip(),
                Optional.ofNullable(filing.reference()).map(String::strip).filter(text -> !text.isEmpty()).orElse(null));
        return Response.accepted(filed)
                .location(uri.getAbsolutePathBuilder().path(filed.erasureId().toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    public ErasureStatus status(@PathParam("id") UUID id) {
        return erasures.status(id).orElseThrow(() -> ProblemException.notFound("no erasure " + id
                + "; use the Location the request was filed at"));
    }

    /** The latest requests first. */
    @GET
    public List<ErasureStatus> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        return erasures.recent(Math.max(1, Math.min(limit, MAX_LIST)));
    }

    /** The canonical address, or a 422 naming each field that is wrong; nothing is recorded then. */
    private static String checked(ErasureFiling filing) {
        if (filing == null) {
            throw ProblemException.unprocessable("send a JSON object with email, channel and filed_by", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> address = MailAddresses.deliverable(filing.email());
        if (address.isEmpty()) {
            errors.put("email", "required: the address the person signed with");
        }
        if (filing.channel() == null || filing.channel() == ErasureChannel.SIGNER) {
            errors.put("channel", "required: how the person asked: LETTER, PHONE, EMAIL, IN_PERSON or OTHER");
        }
        if (!isShortText(filing.filedBy()) || filing.filedBy().isBlank()) {
            errors.put("filed_by", "required: who files this request, at most " + MAX_TEXT + " characters on one line");
        }
        if (filing.reference() != null && !isShortText(filing.reference())) {
            errors.put("reference", "at most " + MAX_TEXT + " characters on one line, e.g. a ticket number");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the erasure request has " + errors.size() + " invalid field(s)",
                    errors);
        }
        return address.get();
    }

    private static boolean isShortText(String text) {
        return text != null && text.length() <= MAX_TEXT && SafeText.isSafe(text);
    }
}
