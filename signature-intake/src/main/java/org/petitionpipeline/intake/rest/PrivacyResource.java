package org.petitionpipeline.intake.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The default privacy notice the embed's consent box links to, until an organization sets its own. */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Signing")
public class PrivacyResource {

    private final Template privacy;

    public PrivacyResource(@Location("privacy.html") Template privacy) {
        this.privacy = privacy;
    }

    @GET
    @Operation(summary = "The default privacy notice for signers")
    public TemplateInstance privacy() {
        return privacy.instance();
    }
}
