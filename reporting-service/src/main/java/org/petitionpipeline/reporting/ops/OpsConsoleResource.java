package org.petitionpipeline.reporting.ops;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.petitionpipeline.reporting.access.ConsoleAccessFilter;

/** The ops console (ops login, see {@link ConsoleAccessFilter}): the page, and the figures its script polls. */
@Path("/ops")
public class OpsConsoleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ops();
    }

    private final OpsMonitor monitor;

    public OpsConsoleResource(OpsMonitor monitor) {
        this.monitor = monitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.ops();
    }

    /** Blocking: a first look after a quiet spell reads Kafka and the database before answering. */
    @GET
    @Path("/figures")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    public OpsFigures figures() {
        return monitor.figures();
    }
}
