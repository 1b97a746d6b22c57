package org.petitionpipeline.email.privacy;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/**
 * Renders the mail with the link that confirms an erasure. The token is made when the mail is sent, not when it is
 * queued: the outbox never holds a link that could erase someone.
 */
@ApplicationScoped
public class ErasureMailComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;
    private final ErasureTokens tokens;

    public ErasureMailComposer(@Location("mail/erasure.html") Template html, @Location("mail/erasure.txt") Template text,
            MailHeaders headers, ErasureTokens tokens) {
        this.html = html;
        this.text = text;
        this.headers = headers;
        this.tokens = tokens;
    }

    public Mail compose(QueuedMail mail) {
        String url = headers.link("/privacy/erase/confirm?token=" + tokens.issue(mail.emailHash()));
        Mail message = Mail.withHtml(mail.recipient(), "Erase your data: confirm",
                        html.instance().data("eraseUrl", url).render())
                .setText(text.instance().data("eraseUrl", url).render());
        return headers.identify(message, mail.kind(), mail.reference() + "." + mail.emailHash().substring(0, 16));
    }
}
