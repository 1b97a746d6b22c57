package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.intake.config.CorsConfig;

/**
 * Which web pages may embed a petition's form: the petition's own origins when it names some, plus the
 * pipeline-wide allowlist. A request without {@code Origin} is not a browser on someone's page (curl, a
 * server-side integration), and CORS has nothing to say about it.
 */
@ApplicationScoped
public class EmbeddingOrigins {

    private static final String ANY = "*";

    private final List<String> global;

    @Inject
    public EmbeddingOrigins(CorsConfig config) {
        this(config.allowedOrigins());
    }

    EmbeddingOrigins(List<String> globalAllowlist) {
        this.global = globalAllowlist.stream().map(EmbeddingOrigins::normalized).toList();
    }

    public boolean allows(String origin, PetitionDefinition petition) {
        if (origin == null) {
            return true;
        }
        String normalized = normalized(origin);
        if (global.contains(normalized)) {
            return true;
        }
        if (petition != null && !petition.allowedOrigins().isEmpty()) {
            return petition.allowedOrigins().stream().map(EmbeddingOrigins::normalized).anyMatch(normalized::equals);
        }
        return global.contains(ANY);
    }

    /**
     * The same rule as {@link #allows} as a CSP {@code frame-ancestors} source list, for the iframe embed: the
     * petition's own origins and the global ones named explicitly, or any page ({@code *}) when neither names one.
     */
    public String frameAncestors(PetitionDefinition petition) {
        List<String> explicit = new ArrayList<>(global.stream().filter(origin -> !ANY.equals(origin)).toList());
        if (!petition.allowedOrigins().isEmpty()) {
            petition.allowedOrigins().stream().map(EmbeddingOrigins::normalized).forEach(explicit::add);
        } else if (global.contains(ANY)) {
            return ANY;
        }
        return explicit.isEmpty() ? "'none'" : String.join(" ", explicit.stream().distinct().toList());
    }

    private static String normalized(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
