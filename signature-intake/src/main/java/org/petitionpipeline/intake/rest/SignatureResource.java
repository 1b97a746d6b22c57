package org.petitionpipeline.intake.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.intake.service.SignatureIntakeService;

@Path("/api/petitions/{slug}/signatures")
public class SignatureResource {

    private final SignatureIntakeService intake;

    public SignatureResource(SignatureIntakeService intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> sign(@PathParam("slug") String slug, SignatureRequest request,
            @Context HttpServerRequest http) {
        RequestFacts facts = new RequestFacts(Instant.now(), http.remoteAddress().hostAddress(),
                http.getHeader(HttpHeaders.USER_AGENT), http.getHeader("Referer"));
        return intake.submit(slug, request, facts)
                .map(submissionId -> Response.accepted(SignatureReceipt.received(submissionId)).build());
    }
}
