package org.petitionpipeline.kit.identity;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * How a {@link Caller} travels in the pipeline's access tokens, both ways: reporting-service writes these claims when
 * it signs a token, every service reads them back when it checks one. {@code sub} is the account's id (the
 * deployment token's variable name for a token that belongs to no account), {@code name} how the audit log names the
 * caller, {@code groups} holds {@value #PLATFORM_OPERATOR} for a platform operator (so a role check reads it as any
 * MicroProfile JWT group), {@code org_roles} one {@code organization:role} string per membership, flat so that an
 * identity provider's claim mapper can produce it too.
 */
public final class AccessTokenClaims {

    /** The audience of every access token: the pipeline's services, and no other application. */
    public static final String AUDIENCE = "petition-pipeline";
    public static final String PLATFORM_OPERATOR = "platform-operator";

    static final String ORG_ROLES = "org_roles";
    /* OpenID Connect's claim for a display name */
    private static final String NAME = "name";
    private static final String SEPARATOR = ":";

    private AccessTokenClaims() {
    }

    /** The claims that say who {@code caller} is, for the token's issuer to sign. */
    public static Map<String, Object> of(Caller caller) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(Claims.sub.name(), caller.accountId() == null ? caller.label() : caller.accountId().toString());
        claims.put(NAME, caller.label());
        claims.put(Claims.groups.name(), caller.platformOperator() ? List.of(PLATFORM_OPERATOR) : List.of());
        claims.put(ORG_ROLES, caller.roles().entrySet().stream()
                .map(role -> role.getKey() + SEPARATOR + role.getValue().label()).sorted().toList());
        return claims;
    }

    /** The caller a verified token names. An {@code org_roles} entry with an unknown role gives no role at all. */
    public static Caller callerOf(JsonWebToken token) {
        Map<String, OrgRole> roles = new HashMap<>();
        strings(token.getClaim(ORG_ROLES)).forEach(entry -> {
            int separator = entry.lastIndexOf(SEPARATOR);
            if (separator > 0) {
                OrgRole.ofLabel(entry.substring(separator + 1))
                        .ifPresent(role -> roles.put(entry.substring(0, separator), role));
            }
        });
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        String name = Optional.ofNullable(token.<String>getClaim(NAME)).orElse(token.getSubject());
        return new Caller(accountOf(token.getSubject()), name, groups.contains(PLATFORM_OPERATOR), roles);
    }

    private static UUID accountOf(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException deploymentToken) {
            return null;
        }
    }

    /* A string-array claim as the JWT library hands it over: a JSON array, or a collection once converted. */
    private static Stream<String> strings(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf);
        }
        return Stream.empty();
    }
}
