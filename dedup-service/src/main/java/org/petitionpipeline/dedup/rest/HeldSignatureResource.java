package org.petitionpipeline.dedup.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.petitionpipeline.dedup.service.ReviewResult;
import org.petitionpipeline.dedup.service.SignatureCriteria;
import org.petitionpipeline.dedup.service.SignatureReviewService;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * Platform operators review what the fraud signals held (an access token, see
 * {@link org.petitionpipeline.kit.identity.AdminApiPolicy}).
 */
@Path("/api/admin/held")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class HeldSignatureResource {

    private static final int MAX_LIMIT = 1_000;

    private final SignatureReviewService review;
    private final ReviewRequestValidator validator;
    private final ReviewAudit audit;

    public HeldSignatureResource(SignatureReviewService review, ReviewRequestValidator validator, ReviewAudit audit) {
        this.review = review;
        this.validator = validator;
        this.audit = audit;
    }

    /** The newest held signatures (of one petition, if named) and how many are held in all. */
    @GET
    public HeldSignatures list(@QueryParam("petition") String petition,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.unprocessable("limit is out of range", Map.of("limit", "between 1 and " + MAX_LIMIT));
        }
        SignatureCriteria criteria = new SignatureCriteria(petition, List.of(), null, null, null, null);
        return new HeldSignatures(review.countHeld(criteria),
                review.held(criteria, limit).stream().map(HeldSignatureView::of).toList());
    }

    /** Publishes the held signatures that match as accepted, so they count. */
    @POST
    @Path("/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewResult release(ReviewRequest request) {
        if (request == null) {
            throw ProblemException.unprocessable("send the criteria as JSON", Map.of());
        }
        ReviewResult result = review.release(validator.release(request), request.isDryRun());
        audit.record("signatures.release", request, result);
        return result;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record HeldSignatures(long totalHeld, List<HeldSignatureView> signatures) {
    }
}
