package org.petitionpipeline.reporting.access;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What single sign-on reads of the identity provider's ID token (OpenID Connect Core 1.0, section 5.1): who the
 * person is there ({@code iss}, {@code sub}), the address the provider says it verified, and their groups.
 *
 * @param email the {@code email} claim, lower-cased; null without one
 */
record IdTokenClaims(String issuer, String subject, String email, boolean emailVerified, Set<String> groups) {

    static IdTokenClaims of(JsonWebToken idToken) {
        String email = text(idToken.getClaim("email")).map(address -> address.toLowerCase(Locale.ROOT)).orElse(null);
        Set<String> groups = idToken.getGroups();
        return new IdTokenClaims(idToken.getIssuer(), idToken.getSubject(), email,
                isTrue(idToken.getClaim("email_verified")), groups == null ? Set.of() : Set.copyOf(groups));
    }

    /** The part of the address after the last {@code @}: all of it an audit entry may keep. */
    Optional<String> emailDomain() {
        return email == null || email.lastIndexOf('@') < 0 ? Optional.empty()
                : Optional.of(email.substring(email.lastIndexOf('@') + 1));
    }

    /* A JSON true as the spec has it; some providers send the string "true" instead. */
    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || JsonValue.TRUE.equals(claim)
                || text(claim).map("true"::equalsIgnoreCase).orElse(false);
    }

    private static Optional<String> text(Object claim) {
        if (claim instanceof JsonString json) {
            return Optional.of(json.getString());
        }
        return claim instanceof String plain ? Optional.of(plain) : Optional.empty();
    }
}
