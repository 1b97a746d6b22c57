package org.petitionpipeline.intake.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.petitionpipeline.intake.mapping.FormSignatureMapper;
import org.petitionpipeline.intake.service.SignatureIntakeService;
import org.petitionpipeline.intake.service.Submission;
import org.petitionpipeline.kit.http.Problem;

@Path("/api/petitions/{slug}/signatures")
@Tag(name = "Signing")
public class SignatureResource {

    private final SignatureIntakeService intake;
    private final SubmissionContexts contexts;
    private final FormSignatureMapper forms;

    public SignatureResource(SignatureIntakeService intake, SubmissionContexts contexts, FormSignatureMapper forms) {
        this.intake = intake;
        this.contexts = contexts;
        this.forms = forms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign a petition",
            description = "Answers 202 only once Kafka holds the signature (acks=all). Repeating an Idempotency-Key "
                    + "returns the first submission id and records nothing new.")
    @APIResponse(responseCode = "202", description = "Received and durable; deduplication follows",
            content = @Content(schema = @Schema(implementation = SignatureReceipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The page's origin may not embed this petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such petition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The petition is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over the size limit (16 KiB by default)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor a form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limited; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not confirmed: Kafka did not acknowledge (the signature may still "
            + "have been written; sending it again after Retry-After counts once), or the instance has just started and "
            + "is still loading its petitions",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // a fixed entity type lets the JSON writer be chosen once at build time instead of per answer (profiled)
    @ResponseStatus(202)
    public Uni<SignatureReceipt> sign(@PathParam("slug") String slug, SignatureRequest request,
            @Parameter(description = "Any unique string per signature, e.g. a UUID; retries reuse it")
            @HeaderParam(SubmissionContexts.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest http) {
        return intake.submit(slug, request, contexts.of(http, idempotencyKey)).map(SignatureReceipt::received);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign a petition from a plain HTML form",
            description = "The embed without JavaScript: same rules as the JSON endpoint, answered with 303 to the "
                    + "thank-you page.")
    @APIResponse(responseCode = "303", description = "Received and durable; Location is the thank-you page")
    public Uni<Response> signForm(@PathParam("slug") String slug, @BeanParam SignatureForm form,
            @HeaderParam(SubmissionContexts.IDEMPOTENCY_KEY) String idempotencyKey, @Context HttpServerRequest http) {
        return intake.submit(slug, forms.toRequest(form), contexts.of(http, idempotencyKey))
                .map(submission -> Response.status(Response.Status.SEE_OTHER)
                        .header(HttpHeaders.LOCATION, thankYouPage(slug, submission)).build());
    }

    /**
     * Relative: an absolute address would name this host as seen behind the load balancer. In the signer's language,
     * with their region, so the page lists their own representatives first.
     */
    private static String thankYouPage(String slug, Submission submission) {
        UriBuilder page = UriBuilder.fromResource(ThankYouResource.class)
                .queryParam("submission_id", submission.submissionId()).queryParam("lang", submission.language());
        if (submission.region() != null) {
            page.queryParam("region", submission.region());
        }
        return page.build(slug).toString();
    }
}
