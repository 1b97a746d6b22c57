package org.petitionpipeline.dedup.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.petitionpipeline.dedup.service.ReviewResult;
import org.petitionpipeline.dedup.service.SignatureReviewService;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Ops strike out signatures found fraudulent afterwards, by criteria (a platform operator's access token, see
 * {@link org.petitionpipeline.kit.identity.AdminApiPolicy}).
 * Accepted ones are published on {@code signatures.invalidated}, so totals go down.
 */
@Path("/api/admin/invalidations")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class InvalidationResource {

    private final SignatureReviewService review;
    private final ReviewRequestValidator validator;
    private final ReviewAudit audit;

    public InvalidationResource(SignatureReviewService review, ReviewRequestValidator validator, ReviewAudit audit) {
        this.review = review;
        this.validator = validator;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewResult invalidate(ReviewRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("send the criteria as JSON", Map.of());
        }
        ReviewResult result = review.invalidate(validator.invalidation(request), request.reason().strip(),
                request.isDryRun());
        audit.record("signatures.invalidate", request, result);
        return result;
    }
}
