package org.petitionpipeline.reporting.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The audit log, newest first, a page at a time ({@code before} the last page's {@code next_before}); who reads what is
 * {@link AuditReadPolicy}'s, refusals are {@link AuditReader}'s problems as they are.
 */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditReader reader;

    public AuditResource(AuditReader reader) {
        this.reader = reader;
    }

    @GET
    public AuditPage read(@QueryParam("organization") String organization, @QueryParam("before") String before,
            @QueryParam("limit") String limit) {
        return reader.read(AuditQuery.of(organization, before, limit));
    }
}
