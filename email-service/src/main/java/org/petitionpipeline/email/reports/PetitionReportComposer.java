package org.petitionpipeline.email.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.email.mail.MailHeaders;
import org.petitionpipeline.email.mailqueue.QueuedMail;

/**
 * Renders a delivery report for an organizer: what was reached, the download link and the digest to check the
 * file against. Transactional mail to an organizer, not campaign mail: no unsubscribe headers.
 */
@ApplicationScoped
public class PetitionReportComposer {

    private final Template html;
    private final Template text;
    private final MailHeaders headers;
    private final ObjectMapper json;

    public PetitionReportComposer(@Location("mail/report.html") Template html, @Location("mail/report.txt") Template text,
            MailHeaders headers, ObjectMapper json) {
        this.html = html;
        this.text = text;
        this.headers = headers;
        this.json = json;
    }

    public Mail compose(QueuedMail mail) {
        ReportReady report = reportOf(mail);
        String title = MailHeaders.singleLine(report.petitionTitle());
        Mail message = Mail.withHtml(mail.recipient(), "Delivery report ready: " + title,
                        data(html.instance(), report, title).render())
                .setText(data(text.instance(), report, title).render());
        // several organizers get one report: each copy its own id
        return headers.identify(message, mail.kind(), mail.reference() + "." + mail.emailHash().substring(0, 16));
    }

    private static TemplateInstance data(TemplateInstance template, ReportReady report, String title) {
        return template.data("petitionTitle", title).data("report", report);
    }

    private ReportReady reportOf(QueuedMail mail) {
        try {
            return json.readValue(mail.payload(), ReportReady.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored report " + mail.reference() + " cannot be read", e);
        }
    }
}
