package org.petitionpipeline.email.privacy;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.i18n.Messages;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/** Renders the mail with the link that confirms an erasure (see {@link LinkMail.Composer}). */
@ApplicationScoped
public class ErasureMailComposer {

    private final LinkMail.Composer composer;

    public ErasureMailComposer(@Location("mail/erasure.html") Template html, @Location("mail/erasure.txt") Template text,
            MailHeaders headers, ErasureTokens tokens) {
        this.composer = new LinkMail.Composer(html, text, headers, tokens, "/privacy/erase/confirm",
                Messages::erasure_mail_subject);
    }

    public Mail compose(QueuedMail mail) {
        return composer.compose(mail);
    }
}
