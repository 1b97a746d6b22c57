package org.petitionpipeline.email.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.MailQueue;
import org.petitionpipeline.email.mailqueue.MailQueue.AddressedMail;

/**
 * Puts one message per owner and disabled endpoint in the mail queue. The mail queue's key (kind, recipient, notice
 * id) makes a replayed notice queue nothing; an address that cannot be one is left out, never sent to.
 */
@ApplicationScoped
public class WebhookDisabledMailing {

    private final MailQueue mailQueue;
    private final ObjectMapper json;

    public WebhookDisabledMailing(MailQueue mailQueue, ObjectMapper json) {
        this.mailQueue = mailQueue;
        this.json = json;
    }

    public void enqueue(List<WebhookDisabled> notices) {
        List<AddressedMail> mail = new ArrayList<>();
        for (WebhookDisabled notice : notices) {
            // reporting keeps no language of its accounts: the default language, as for delivery reports
            mail.addAll(AddressedMail.toOrganizers(notice.recipients(), notice.noticeId().toString(), null,
                    payloadOf(notice), "disabled webhook " + notice.endpointId() + " of " + notice.organization()));
        }
        mailQueue.enqueueAddressed(MailKind.WEBHOOK_DISABLED, mail);
    }

    private String payloadOf(WebhookDisabled notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notice of disabled webhook " + notice.endpointId(), e);
        }
    }
}
