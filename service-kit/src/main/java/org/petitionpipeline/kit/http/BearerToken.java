package org.petitionpipeline.kit.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A secret that guards an admin API, sent as {@code Authorization: Bearer <token>}. Refused when built from a
 * short value, so a service given a weak token fails at start instead of going live with it.
 */
public final class BearerToken {

    private static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final String holder;

    /**
     * @param variable the environment variable that configures it, named in the start-up error
     * @param holder who holds the token ("ops"), named in the 401 answer
     */
    public BearerToken(String variable, String value, String holder) {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(variable + " must be at least " + MIN_LENGTH + " characters long");
        }
        this.token = value.getBytes(StandardCharsets.UTF_8);
        this.holder = holder;
    }

    /** The 401 problem for a request without an acceptable bearer token; {@code detail} says what to send. */
    public static Response unauthorized(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, BEARER.strip())
                .entity(Problem.of(401, "Unauthorized", detail)).build();
    }

    /** The bearer token a request carries; empty without an {@code Authorization: Bearer} header. */
    public static Optional<String> presented(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length())) : Optional.empty();
    }

    /**
     * Whether {@code candidate} is this token (e.g. pasted into a login form). The comparison takes constant time,
     * so timing does not tell how much of a guess was right.
     */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Empty when the request may go on: its path is outside {@code guardedPath} or it carries this token;
     * otherwise a 401 problem.
     */
    public Optional<Response> refuse(ContainerRequestContext request, String guardedPath) {
        if (!request.getUriInfo().getPath().startsWith(guardedPath)) {
            return Optional.empty();
        }
        if (presented(request).filter(this::matches).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(unauthorized("send the " + holder + " token as 'Authorization: Bearer <token>'"));
    }
}
