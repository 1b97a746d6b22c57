package org.petitionpipeline.email.suppression;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.petitionpipeline.email.web.ApiTokenFilter;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The mail provider reports bounces and complaints here (bearer token, see {@link ApiTokenFilter}). Any
 * well-formed report is answered 200, also for an address we do not know: providers retry what they see
 * refused, and a retry would change nothing.
 */
@Path("/api/webhooks/bounces")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BounceWebhookResource {

    /** The answer: {@code {"result": "suppressed"}}. */
    public record Answer(BounceReportService.Outcome result) {
    }

    // RFC 5321 caps a path at 256 octets; anything with a control character is no address we sent to
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern ADDRESS_SHAPE = Pattern.compile("[^@\\p{Cntrl}\\s]+@[^@\\p{Cntrl}\\s]+");

    private final BounceReportService reports;

    public BounceWebhookResource(BounceReportService reports) {
        this.reports = reports;
    }

    @POST
    public Answer report(BounceReport report) {
        if (report == null) {
            throw ProblemException.unprocessable("send one report as a JSON object", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (report.type() == null) {
            errors.put("type", "required: one of hard_bounce, soft_bounce, complaint");
        }
        if (report.email() == null || report.email().length() > MAX_EMAIL_LENGTH
                || !ADDRESS_SHAPE.matcher(report.email()).matches()) {
            errors.put("email", "required: the address the message was sent to");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the report has " + errors.size() + " invalid field(s)", errors);
        }
        return new Answer(reports.record(report));
    }
}
