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
import org.petitionpipeline.contracts.Languages;
import org.petitionpipeline.intake.service.CallReportService;
import org.petitionpipeline.kit.http.Problem;

/** Step 3 of the embed: a signer called one of the petition's targets and tells us how it went. */
@Path("/api/petitions/{slug}/calls")
@Tag(name = "Calling")
public class CallReportResource {

    private final CallReportService calls;
    private final SubmissionContexts contexts;

    public CallReportResource(CallReportService calls, SubmissionContexts contexts) {
        this.calls = calls;
        this.contexts = contexts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a call to one of the petition's targets",
            description = "Same protections as signing (allowed origins, rate limits, body size). Answers 202 only "
                    + "once Kafka holds the report; repeating an Idempotency-Key returns the first report id.")
    @APIResponse(responseCode = "202", description = "Received and durable; reporting counts it",
            content = @Content(schema = @Schema(implementation = CallReceipt.class)))
    @APIResponse(responseCode = "422", description = "An unknown target or outcome, each named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> report(@PathParam("slug") String slug, CallReportRequest request,
            @Parameter(description = "Any unique string per report, e.g. a UUID; retries reuse it")
            @HeaderParam(SubmissionContexts.IDEMPOTENCY_KEY) String idempotencyKey,
            @Context HttpServerRequest http) {
        return calls.report(slug, request, contexts.of(http, idempotencyKey))
                .map(reportId -> Response.accepted(CallReceipt.received(reportId)).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Report a call from the thank-you page's plain HTML form",
            description = "The embed without JavaScript: same rules as the JSON endpoint, answered with 303 to the "
                    + "thank-you page, which then thanks for the call.")
    @APIResponse(responseCode = "303", description = "Received and durable; Location is the thank-you page")
    public Uni<Response> reportForm(@PathParam("slug") String slug, @BeanParam CallReportForm form,
            @HeaderParam(SubmissionContexts.IDEMPOTENCY_KEY) String idempotencyKey, @Context HttpServerRequest http) {
        String key = idempotencyKey != null ? idempotencyKey : form.idempotencyKey;
        return calls.report(slug, form.toRequest(), contexts.of(http, key)).map(reportId -> {
            UriBuilder thanks = UriBuilder.fromResource(ThankYouResource.class).queryParam("call_report_id", reportId);
            Languages.languageOf(form.language).ifPresent(language -> thanks.queryParam("lang", language));
            if (form.submissionId != null && !form.submissionId.isBlank()) {
                thanks.queryParam("submission_id", form.submissionId.strip());
            }
            return Response.status(Response.Status.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, thanks.build(slug).toString()).build();
        });
    }
}
