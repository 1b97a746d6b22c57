package org.petitionpipeline.email.optin;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.i18n.Messages;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/**
 * Renders the double opt-in request and its reminders: thanks for signing, and the link that makes the
 * signature count. The link's token names the signature, never the address, and is made when the message is
 * sent, so a reminder carries a fresh one. In the language the signer signed in.
 */
@ApplicationScoped
public class ConfirmationComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;
    private final ConfirmationTokens tokens;

    public ConfirmationComposer(@Location("mail/confirmation.html") Template html,
            @Location("mail/confirmation.txt") Template text, MailHeaders headers, ConfirmationTokens tokens) {
        this.html = html;
        this.text = text;
        this.headers = headers;
        this.tokens = tokens;
    }

    public Mail compose(QueuedMail request, Optional<SubscriptionStatus> recipientStatus) {
        boolean reminder = request.kind() == MailKind.CONFIRMATION_REMINDER;
        // a reminder's reference is the signature id, a colon and the reminder's number
        UUID signatureId = UUID.fromString(request.reference().split(":", 2)[0]);
        String language = request.language();
        Optional<MailHeaders.UnsubscribeLink> link = headers.unsubscribeLinkFor(request.emailHash(), recipientStatus);
        String unsubscribeUrl = link.map(present -> headers.footerLink(present, language)).orElse(null);
        String title = MailHeaders.singleLine(request.petitionTitle());
        Messages messages = headers.messages(language);
        String subject =
                reminder ? messages.confirmation_reminder_subject(title) : messages.confirmation_subject(title);
        String url = headers.link("/confirm?token=" + tokens.issue(signatureId), language);
        Mail mail = Mail.withHtml(request.recipient(), subject, headers.localized(
                        data(html.instance(), request, title, url, unsubscribeUrl, reminder), language).render())
                .setText(headers.localized(
                        data(text.instance(), request, title, url, unsubscribeUrl, reminder), language).render());
        headers.identify(mail, request.kind(), request.reference().replace(':', '.'));
        return headers.listUnsubscribe(mail, link);
    }

    private static TemplateInstance data(TemplateInstance template, QueuedMail request, String title, String url,
            String unsubscribeUrl, boolean reminder) {
        return template.data("givenName", MailHeaders.greetingName(request.givenName()))
                .data("petitionTitle", title)
                .data("confirmUrl", url)
                .data("reminder", reminder)
                .data("unsubscribeUrl", unsubscribeUrl);
    }
}
