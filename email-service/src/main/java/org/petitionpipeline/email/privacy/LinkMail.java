package org.petitionpipeline.email.privacy;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.petitionpipeline.email.i18n.Messages;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.MailQueue;
import org.petitionpipeline.email.mailqueue.QueuedMail;
import org.petitionpipeline.email.web.PersonTokens;
import org.petitionpipeline.kit.people.PersonHashes;

/**
 * The mail with a signed link that a person asks for on a privacy page (erase, export): queued for whatever address
 * was typed, whether or not we know it (the page says the same either way, and only whoever reads that mailbox learns
 * more), at most one of a kind per person and hour.
 */
@ApplicationScoped
public class LinkMail {

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final MailQueue mailQueue;
    private final PersonHashes people;

    public LinkMail(MailQueue mailQueue, PersonHashes people) {
        this.mailQueue = mailQueue;
        this.people = people;
    }

    /**
     * @param canonicalAddress an address {@link org.petitionpipeline.email.mail.MailAddresses} accepted
     * @param language         the language of the page it was asked for on, for the mail and the page it links to
     */
    public void queueOncePerHour(MailKind kind, String canonicalAddress, String language) {
        mailQueue.enqueueAddressed(kind, List.of(new MailQueue.AddressedMail(people.ofCanonical(canonicalAddress),
                HOUR.format(Instant.now()), canonicalAddress, null, null, language)));
    }

    /**
     * Renders one such mail. The token is made when the mail is sent, not when it is queued: the outbox never holds a
     * working link.
     *
     * @param path the page's path, to which {@code ?token=} is added; the templates get it as {@code link}
     */
    public record Composer(Template html, Template text, MailHeaders headers, PersonTokens tokens, String path,
            Function<Messages, String> subject) {

        public Mail compose(QueuedMail mail) {
            String language = mail.language();
            String url = headers.link(path + "?token=" + tokens.issue(mail.emailHash()), language);
            Mail message = Mail.withHtml(mail.recipient(), subject.apply(headers.messages(language)),
                            headers.localized(html.instance().data("link", url), language).render())
                    .setText(headers.localized(text.instance().data("link", url), language).render());
            return headers.identify(message, mail.kind(), mail.reference() + "." + mail.emailHash().substring(0, 16));
        }
    }
}
