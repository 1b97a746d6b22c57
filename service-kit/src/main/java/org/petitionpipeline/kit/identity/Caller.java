package org.petitionpipeline.kit.identity;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who sent a request, as every check of the admin API and the consoles sees them: an account (null for a
 * deployment's legacy token), how the audit log names them ({@code label}: the account's address, or the legacy
 * token's name), whether they are a platform operator, and their role in each organization they belong to.
 */
public record Caller(UUID accountId, String label, boolean platformOperator, Map<String, OrgRole> roles) {

    public Caller {
        roles = Map.copyOf(roles);
    }

    public Optional<OrgRole> roleIn(String organization) {
        return Optional.ofNullable(roles.get(organization));
    }

    /** Whether the caller holds {@code needed} (or more) in {@code organization}. */
    public boolean may(String organization, OrgRole needed) {
        return roleIn(organization).map(role -> role.includes(needed)).orElse(false);
    }
}
