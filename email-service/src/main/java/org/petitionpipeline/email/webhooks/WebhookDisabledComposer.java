package org.petitionpipeline.email.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/**
 * Renders the notice that an organization's webhook endpoint was disabled: which one, why, and where to enable it
 * again. Transactional mail to an owner, not campaign mail: no unsubscribe headers.
 */
@ApplicationScoped
public class WebhookDisabledComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;
    private final ObjectMapper json;

    public WebhookDisabledComposer(@Location("mail/webhook-disabled.html") Template html,
            @Location("mail/webhook-disabled.txt") Template text, MailHeaders headers, ObjectMapper json) {
        this.html = html;
        this.text = text;
        this.headers = headers;
        this.json = json;
    }

    public Mail compose(QueuedMail mail) {
        WebhookDisabled notice = noticeOf(mail);
        Mail message = Mail.withHtml(mail.recipient(), "Webhook endpoint disabled: "
                        + MailHeaders.singleLine(notice.url()), data(html.instance(), notice).render())
                .setText(data(text.instance(), notice).render());
        // several owners get one notice: each copy its own id
        return headers.identify(message, mail.kind(), mail.reference() + "." + mail.emailHash().substring(0, 16));
    }

    private static TemplateInstance data(TemplateInstance template, WebhookDisabled notice) {
        return template.data("notice", notice);
    }

    private WebhookDisabled noticeOf(QueuedMail mail) {
        try {
            return json.readValue(mail.payload(), WebhookDisabled.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored notice " + mail.reference() + " cannot be read", e);
        }
    }
}
