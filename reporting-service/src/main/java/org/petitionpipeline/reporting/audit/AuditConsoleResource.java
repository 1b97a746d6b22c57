package org.petitionpipeline.reporting.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.reporting.access.ConsoleAccessFilter;

/** The ops console's view of the whole audit log (ops login, see {@link ConsoleAccessFilter}), a page at a time. */
@Path("/ops/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditQuery query, AuditPage page);
    }

    private final AuditLog log;

    public AuditConsoleResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public TemplateInstance page(@QueryParam("before") String before) {
        AuditQuery query = AuditQuery.of(null, before, null);
        return Templates.audit(query, log.page(query));
    }
}
