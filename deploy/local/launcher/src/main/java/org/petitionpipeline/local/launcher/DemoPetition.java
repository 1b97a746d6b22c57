package org.petitionpipeline.local.launcher;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * The petition every local run starts with, so there is something to sign at once; its target has an office
 * phone, so the widget shows the call step too.
 */
public final class DemoPetition {

    public static final String SLUG = "demo";

    private static final String DEFINITION = """
            {"slug": "demo",
             "title": "Tell the Attorney General: resign",
             "text": "The Attorney General has lost the public's trust. We call on the Attorney General to resign.",
             "targets": [{"name": "Office of the Attorney General", "title": "U.S. Attorney General",
                          "offices": [{"label": "Department of Justice switchboard", "phone": "+1 202-514-2000"}]}],
             "goal": 100000,
             "consent_text": "Email me updates about this campaign. I can unsubscribe at any time.",
             "consent_text_version": "demo-1"}""";

    private DemoPetition() {
    }

    /** Creates it unless it exists (the external database of an earlier run may hold it). */
    static void ensure(URI reporting, String adminToken) {
        HttpResponse<String> response = Http.postJson(reporting.resolve("/api/admin/petitions"), DEFINITION, adminToken);
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("could not create the demo petition: HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }
}
