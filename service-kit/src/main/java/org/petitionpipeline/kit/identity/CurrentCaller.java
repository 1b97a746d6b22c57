package org.petitionpipeline.kit.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.petitionpipeline.kit.http.ProblemException;

/**
 * The caller of the request being served and the address it came from, set once by the admin API's filter or the
 * consoles'.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private String clientAddress;

    public void set(Caller caller, String clientAddress) {
        this.caller = caller;
        this.clientAddress = clientAddress;
    }

    /** The request's caller; a request that reached an admin resource always has one. */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller was resolved for this request");
        }
        return caller;
    }

    /** The caller's account; a 403 problem for a deployment's token, which belongs to none. */
    public UUID account() {
        UUID account = get().accountId();
        if (account == null) {
            throw ProblemException.forbidden("the deployment's organizer token belongs to no account: ask a platform "
                    + "operator to add you to an organization, then use the token or password you get");
        }
        return account;
    }

    /** The peer address of the request (the balancer's, behind one that does not forward it), for the audit log. */
    public String clientAddress() {
        return clientAddress;
    }
}
