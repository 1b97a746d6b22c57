package org.petitionpipeline.email.mailings.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.petitionpipeline.contracts.PetitionDefinition;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.petitionpipeline.email.mailings.repository.Mailing;
import org.petitionpipeline.email.mailings.repository.MailingProgress;
import org.petitionpipeline.email.mailings.repository.MailingRepository;

/** Posts organizer updates: rendered once, recipients chosen at once, sent later by the {@link MailingWorker}. */
@ApplicationScoped
public class MailingService {

    private final MailingRepository mailings;
    private final UpdateBodyRenderer renderer;

    public MailingService(MailingRepository mailings, UpdateBodyRenderer renderer) {
        this.mailings = mailings;
        this.renderer = renderer;
    }

    /**
     * The update (in the petition's default language, and in others by language) and all its recipients are recorded
     * in one transaction: a crash leaves all or nothing.
     */
    @Transactional
    public MailingProgress post(PetitionDefinition petition, UpdateText original,
            Map<String, UpdateText> translations) {
        Map<String, Mailing.Version> versions = new TreeMap<>();
        translations.forEach((language, text) -> versions.put(language, version(language, text)));
        Mailing mailing = new Mailing(UUID.randomUUID(), petition.slug(), version(petition.language(), original),
                versions);
        int recipients = mailings.create(mailing);
        Log.infof("mailing %s of petition %s queued for %d recipients in %s", mailing.id(), petition.slug(),
                recipients, versions.isEmpty() ? petition.language() : petition.language() + ", " + versions.keySet());
        return mailings.progress(petition.slug(), mailing.id()).orElseThrow();
    }

    private Mailing.Version version(String language, UpdateText text) {
        UpdateBodyRenderer.RenderedBody rendered = renderer.render(text.body());
        return new Mailing.Version(language, text.subject(), rendered.html(), rendered.text());
    }

    public Optional<MailingProgress> progress(String petitionSlug, UUID id) {
        return mailings.progress(petitionSlug, id);
    }
}
