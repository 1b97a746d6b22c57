package org.petitionpipeline.email.mailings.service;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailings.repository.Mailing;

/** Renders one recipient's copy of an organizer's update: the body, and a footer and headers to unsubscribe. */
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

    public Mail compose(Mailing mailing, String emailHash, String address) {
        MailHeaders.UnsubscribeLink link = headers.unsubscribeLink(emailHash);
        String subject = MailHeaders.singleLine(mailing.subject());
        Mail mail = Mail.withHtml(address, subject,
                        headers.withPrivacyLinks(data(html.instance(), subject, mailing.htmlBody(), link)).render())
                .setText(headers.withPrivacyLinks(data(text.instance(), subject, mailing.textBody(), link)).render());
        headers.identify(mail, MailKind.ORGANIZER_UPDATE, mailing.id() + "." + emailHash);
        return headers.listUnsubscribe(mail, link);
    }

    private static TemplateInstance data(TemplateInstance template, String subject, String body,
            MailHeaders.UnsubscribeLink link) {
        return template.data("subject", subject).data("body", body).data("unsubscribeUrl", link.url());
    }
}
