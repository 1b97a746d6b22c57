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
@Path(AuditConsoleResource.HOME)
@Produces(MediaType.TEXT_HTML)
public class AuditConsoleResource {

    static final String HOME = "/ops/audit";

    /** The log's page of both consoles: this one's, and an organization's for its owners. */
    @CheckedTemplate
    static class Templates {
        /** @param home the page's address without {@code before}: its newest entries */
        static native TemplateInstance audit(String home, AuditQuery query, AuditPage page);
    }

    private final AuditReader reader;

    public AuditConsoleResource(AuditReader reader) {
        this.reader = reader;
    }

    @GET
    public TemplateInstance page(@QueryParam("before") String before) {
        AuditQuery query = AuditQuery.of(null, before, null);
        return Templates.audit(HOME, query, reader.read(query));
    }
}
