package org.petitionpipeline.reporting.access;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.petitionpipeline.kit.identity.CurrentCaller;

/**
 * Sets the caller's own console password with their API token: how someone given an account and a first token
 * (docs/organizations.md) comes to log in to the console.
 */
@Path("/api/admin/account/password")
public class AccountPasswordResource {

    private final AccountPasswords passwords;
    private final CurrentCaller caller;

    public AccountPasswordResource(AccountPasswords passwords, CurrentCaller caller) {
        this.passwords = passwords;
        this.caller = caller;
    }

    public record NewPassword(String password) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response set(NewPassword request) {
        passwords.set(caller.account(), request == null ? null : request.password(), null);
        return Response.noContent().build();
    }
}
