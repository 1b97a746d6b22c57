package org.petitionpipeline.reporting.identity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The public key of the access tokens as a JWKS document (RFC 7517), where every service that checks them fetches
 * it ({@code pipeline.identity.jwks-url}). Public by design: it verifies, it cannot sign.
 */
@Path("/.well-known/jwks.json")
public class JwksResource {

    private static final int CACHE_SECONDS = 300;

    private final SigningKey signingKey;

    public JwksResource(SigningKey signingKey) {
        this.signingKey = signingKey;
    }

    @GET
    @Produces("application/jwk-set+json")
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(CACHE_SECONDS);
        return Response.ok(signingKey.jwks()).cacheControl(cache).build();
    }
}
