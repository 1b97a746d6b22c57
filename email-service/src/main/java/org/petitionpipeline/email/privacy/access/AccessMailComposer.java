package org.petitionpipeline.email.privacy.access;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.email.i18n.Messages;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;
import org.petitionpipeline.email.privacy.LinkMail;

/** Renders the mail with the link to a person's export (see {@link LinkMail.Composer}). */
@ApplicationScoped
public class AccessMailComposer {

    private final LinkMail.Composer composer;

    public AccessMailComposer(@Location("mail/access.html") Template html, @Location("mail/access.txt") Template text,
            MailHeaders headers, AccessTokens tokens) {
        this.composer = new LinkMail.Composer(html, text, headers, tokens, AccessPages.VIEW,
                Messages::access_mail_subject);
    }

    public Mail compose(QueuedMail mail) {
        return composer.compose(mail);
    }
}
