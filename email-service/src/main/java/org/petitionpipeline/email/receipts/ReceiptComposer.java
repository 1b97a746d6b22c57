package org.petitionpipeline.email.receipts;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/** Renders the thank-you for a signature, in HTML and plain text, in the language the signer signed in. */
@ApplicationScoped
public class ReceiptComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;

    public ReceiptComposer(@Location("mail/receipt.html") Template html, @Location("mail/receipt.txt") Template text,
            MailHeaders headers) {
        this.html = html;
        this.text = text;
        this.headers = headers;
    }

    /** Only a subscriber's receipt carries unsubscribe links. */
    public Mail compose(QueuedMail receipt, Optional<SubscriptionStatus> recipientStatus) {
        String language = receipt.language();
        Optional<MailHeaders.UnsubscribeLink> link = headers.unsubscribeLinkFor(receipt.emailHash(), recipientStatus);
        String unsubscribeUrl = link.map(present -> headers.footerLink(present, language)).orElse(null);
        String title = MailHeaders.singleLine(receipt.petitionTitle());
        String name = MailHeaders.greetingName(receipt.givenName());
        Mail mail = Mail.withHtml(receipt.recipient(), headers.messages(language).receipt_subject(title),
                        headers.localized(data(html.instance(), name, title, unsubscribeUrl), language).render())
                .setText(headers.localized(data(text.instance(), name, title, unsubscribeUrl), language).render());
        headers.identify(mail, receipt.kind(), receipt.reference());
        return headers.listUnsubscribe(mail, link);
    }

    private static TemplateInstance data(TemplateInstance template, String name, String title, String unsubscribeUrl) {
        return template.data("givenName", name).data("petitionTitle", title).data("unsubscribeUrl", unsubscribeUrl);
    }
}
