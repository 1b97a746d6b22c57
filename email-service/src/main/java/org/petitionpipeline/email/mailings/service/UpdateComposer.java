package org.petitionpipeline.email.mailings.service;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailings.repository.Mailing;
import org.petitionpipeline.email.mailings.repository.MailingRecipient;

/**
 * Renders one recipient's copy of an organizer's update, in their language where the organizer wrote it in theirs: the
 * body, and a footer and headers to unsubscribe.
 */
@ApplicationScoped
public class UpdateComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;

    public UpdateComposer(@Location("mail/update.html") Template html, @Location("mail/update.txt") Template text,
            MailHeaders headers) {
        this.html = html;
        this.text = text;
        this.headers = headers;
    }

    /** The recipient's language's version where the organizer wrote one, else the default's; its frame alike. */
    public Mail compose(Mailing mailing, MailingRecipient recipient) {
        Mailing.Version version = mailing.in(recipient.language());
        MailHeaders.UnsubscribeLink link = headers.unsubscribeLink(recipient.emailHash());
        String subject = MailHeaders.singleLine(version.subject());
        String unsubscribeUrl = headers.footerLink(link, version.language());
        String language = version.language();
        Mail mail = Mail.withHtml(recipient.email(), subject, headers.localized(
                        data(html.instance(), subject, version.htmlBody(), unsubscribeUrl), language).render())
                .setText(headers.localized(data(text.instance(), subject, version.textBody(), unsubscribeUrl), language)
                        .render());
        headers.identify(mail, MailKind.ORGANIZER_UPDATE, mailing.id() + "." + recipient.emailHash());
        return headers.listUnsubscribe(mail, link);
    }

    private static TemplateInstance data(TemplateInstance template, String subject, String body,
            String unsubscribeUrl) {
        return template.data("subject", subject).data("body", body).data("unsubscribeUrl", unsubscribeUrl);
    }
}
