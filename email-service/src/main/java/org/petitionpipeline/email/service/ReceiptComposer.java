package org.petitionpipeline.email.service;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.repository.OutboxMail;

/** Renders the thank-you for a signature, in HTML and plain text. */
@ApplicationScoped
public class ReceiptComposer {

    private static final String FALLBACK_NAME = "supporter";

    private final Template html;
    private final Template text;
    private final UnsubscribeTokens tokens;
    private final String publicUrl;
    private final String messageIdDomain;
    private final String unsubscribeMailbox;

    public ReceiptComposer(@Location("mail/receipt.html") Template html, @Location("mail/receipt.txt") Template text,
            UnsubscribeTokens tokens, EmailConfig config) {
        this.html = html;
        this.text = text;
        this.tokens = tokens;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
        this.messageIdDomain = URI.create(publicUrl).getHost();
        this.unsubscribeMailbox = config.unsubscribeMailbox();
    }

    /**
     * Only a subscriber's receipt carries unsubscribe links: someone who never opted in gets no mail but this
     * receipt, so there is nothing to unsubscribe from.
     */
    public Mail compose(OutboxMail receipt, Optional<SubscriptionStatus> recipientStatus) {
        String token = recipientStatus.filter(SubscriptionStatus.SUBSCRIBED::equals)
                .map(subscribed -> tokens.issue(receipt.emailHash())).orElse(null);
        String unsubscribeUrl = token == null ? null : publicUrl + "/unsubscribe?token=" + token;
        String title = singleLine(receipt.petitionTitle());
        String name = receipt.givenName() == null || receipt.givenName().isBlank() ? FALLBACK_NAME : receipt.givenName();
        Mail mail = Mail.withHtml(receipt.recipient(), "Thank you for signing: " + title,
                        data(html.instance(), name, title, unsubscribeUrl).render())
                .setText(data(text.instance(), name, title, unsubscribeUrl).render());
        // The same id for every attempt of one receipt: should a crash make us send it twice, mail systems
        // that deduplicate by Message-ID (many do) show it once
        mail.addHeader("Message-ID", "<" + receipt.kind().name().toLowerCase(Locale.ROOT) + "." + receipt.reference()
                + "@" + messageIdDomain + ">");
        if (token != null) {
            // RFC 2369 and RFC 8058: mail clients show an unsubscribe button that POSTs to the first URI without
            // a browser; the mailto is for clients that only send mail. The token is base64url and a dot, so
            // it needs no escaping in either URI and cannot end the header
            mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:" + unsubscribeMailbox
                    + "?subject=unsubscribe%20" + token + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    private static TemplateInstance data(TemplateInstance template, String name, String title, String unsubscribeUrl) {
        return template.data("givenName", name).data("petitionTitle", title).data("unsubscribeUrl", unsubscribeUrl);
    }

    /** A subject is a header: a line break in a title would start a new header. */
    private static String singleLine(String value) {
        return value == null ? "" : value.replaceAll("\\p{Cc}+", " ").strip();
    }
}
