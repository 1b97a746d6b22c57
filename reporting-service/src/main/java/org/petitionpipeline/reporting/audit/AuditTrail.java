package org.petitionpipeline.reporting.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Map;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.CurrentCaller;

/** Records what the caller of the current admin request did, or was refused, in the {@link AuditLog}. */
@RequestScoped
public class AuditTrail {

    private final AuditLog log;
    private final CurrentCaller caller;

    public AuditTrail(AuditLog log, CurrentCaller caller) {
        this.log = log;
        this.caller = caller;
    }

    /** In the caller's transaction: the entry commits with the action, or neither does. */
    public void succeeded(AuditAction action, String organization, String target, Map<String, String> detail) {
        log.record(caller.get(), action, organization, target, AuditOutcome.SUCCESS, detail, caller.clientAddress());
    }

    /** Committed at once, whatever becomes of the request: an attempt that did not succeed (a wrong password). */
    public void failed(AuditAction action, String target, Map<String, String> detail) {
        log.record(caller.get(), action, null, target, AuditOutcome.FAILED, detail, caller.clientAddress());
    }

    /** Committed at once: the refused request is about to fail. {@code status}: the answer it gets. */
    public void denied(String organization, String target, int status) {
        log.record(caller.get(), AuditAction.ACCESS_DENIED, organization, target, AuditOutcome.DENIED,
                Map.of("status", String.valueOf(status)), caller.clientAddress());
    }

    /** {@link #denied} for a refusal about to be thrown: records it, and returns it to throw. */
    public ProblemException refused(String organization, String target, ProblemException answer) {
        denied(organization, target, answer.getResponse().getStatus());
        return answer;
    }
}
