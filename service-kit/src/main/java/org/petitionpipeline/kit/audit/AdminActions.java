package org.petitionpipeline.kit.audit;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.petitionpipeline.contracts.AuditEvent;
import org.petitionpipeline.kit.KitFeatures;
import org.petitionpipeline.kit.identity.CurrentCaller;

/**
 * What an admin resource records once its action is done: who did it (the request's caller, from the access token)
 * and from where, so that each resource names only the action, its organization and its target.
 */
@IfBuildProperty(name = KitFeatures.AUDIT, stringValue = KitFeatures.ON)
@ApplicationScoped
public class AdminActions {

    private final AuditEvents events;
    private final CurrentCaller caller;

    public AdminActions(AuditEvents events, CurrentCaller caller) {
        this.events = events;
        this.caller = caller;
    }

    /**
     * @param organization the organization the action concerns, null for one across the platform
     * @param detail a few words more; never a signer's data
     */
    public void succeeded(String action, String organization, String target, Map<String, String> detail) {
        events.record(caller.get(), action, organization, target, AuditEvent.SUCCESS, detail, caller.clientAddress());
    }
}
