package org.petitionpipeline.reporting.identity;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set once by the admin API's and the consoles' filters. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    public void set(Caller caller) {
        this.caller = caller;
    }

    /** The request's caller; a request that reached an admin resource always has one. */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no caller was resolved for this request");
        }
        return caller;
    }
}
