package org.petitionpipeline.email.mailings.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
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

    /** The update and all its recipients are recorded in one transaction: a crash leaves all or nothing. */
    @Transactional
    public MailingProgress post(String petitionSlug, String subject, String body) {
        UpdateBodyRenderer.RenderedBody rendered = renderer.render(body);
        Mailing mailing = new Mailing(UUID.randomUUID(), petitionSlug, subject, rendered.html(), rendered.text());
        int recipients = mailings.create(mailing);
        Log.infof("mailing %s of petition %s queued for %d recipients", mailing.id(), petitionSlug, recipients);
        return mailings.progress(petitionSlug, mailing.id()).orElseThrow();
    }

    public Optional<MailingProgress> progress(String petitionSlug, UUID id) {
        return mailings.progress(petitionSlug, id);
    }
}
