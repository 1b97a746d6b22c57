package org.petitionpipeline.reporting.petitions;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.identity.Caller;

/**
 * The petition catalog. Every change is stored, then {@link PetitionCatalogRelay} publishes it to the catalog topic;
 * should the publish fail, the change stays stored and the relay publishes it once the broker is back.
 */
@ApplicationScoped
public class PetitionService {

    private final PetitionRepository petitions;
    private final PetitionCatalogRelay catalogRelay;
    private final PetitionMapper mapper;
    private final Clock clock;

    public PetitionService(PetitionRepository petitions, PetitionCatalogRelay catalogRelay, PetitionMapper mapper,
            Clock clock) {
        this.petitions = petitions;
        this.catalogRelay = catalogRelay;
        this.mapper = mapper;
        this.clock = clock;
    }

    public PetitionDefinition create(PetitionRequest request, String organization) {
        PetitionDefinition petition = mapper.toNewDefinition(request, organization, now());
        if (!petitions.insert(petition)) {
            throw ProblemException.conflict("a petition with slug '" + petition.slug() + "' already exists");
        }
        catalogRelay.relayNow();
        return petition;
    }

    /** Replaces what the organizer wrote; empty when there is no such petition. */
    public Optional<PetitionDefinition> update(String slug, PetitionRequest request) {
        Optional<PetitionDefinition> current = petitions.findBySlug(slug);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        PetitionDefinition revised = mapper.toRevisedDefinition(current.get(), request, now());
        requireNewConsentVersionForNewWording(current.get(), revised);
        Optional<PetitionDefinition> stored = petitions.update(revised);
        if (stored.isPresent()) {
            catalogRelay.relayNow();
        }
        return stored;
    }

    /** Closes the petition to new signatures; empty when there is no such petition. */
    public Optional<PetitionDefinition> close(String slug) {
        Optional<PetitionDefinition> closed = petitions.close(slug, now());
        if (closed.isPresent()) {
            catalogRelay.relayNow();
        }
        return closed;
    }

    public Optional<PetitionDefinition> find(String slug) {
        return petitions.findBySlug(slug);
    }

    /** Every petition a platform operator may see; a member sees only their organizations' ones. */
    public List<PetitionDefinition> visibleTo(Caller caller) {
        return caller.platformOperator() ? petitions.findAll() : petitions.findOf(caller.roles().keySet());
    }

    public Optional<String> organizationOf(String slug) {
        return petitions.organizationOf(slug);
    }

    /** Every petition's organization, by slug. */
    public Map<String, String> organizations() {
        return petitions.organizations();
    }

    /** Consent records name the version a signer saw: new words under an old version would misstate it. */
    private static void requireNewConsentVersionForNewWording(PetitionDefinition current, PetitionDefinition revised) {
        if (!current.consentText().equals(revised.consentText())
                && current.consentTextVersion().equals(revised.consentTextVersion())) {
            throw ProblemException.unprocessable("the consent wording changed but its version did not",
                    Map.of("consent_text_version", "give the new wording a new version (not '"
                            + current.consentTextVersion() + "'), so consent records say which one a signer saw"));
        }
    }

    /**
     * PostgreSQL keeps microseconds: the definition answered then carries the same instant as the one published. The
     * clock is the retention job's, so a test that moves it sees a petition close when it says.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
