package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served and the address it came from, set once by the admin API's filter. */
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

    /** The peer address of the request (the balancer's, behind one that does not forward it), for the audit log. */
    public String clientAddress() {
        return clientAddress;
    }
}
