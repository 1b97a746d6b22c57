package org.petitionpipeline.email.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.email.mail.MailKind;
import org.petitionpipeline.email.mailqueue.MailQueue.AddressedMail;
import org.petitionpipeline.email.mailqueue.MailQueue;

/**
 * Puts one delivery-report message per organizer and report in the mail queue. The mail queue's key (kind, recipient,
 * report id) makes a replayed report queue nothing; an address that cannot be one is left out, never sent to.
 */
@ApplicationScoped
public class PetitionReportMailing {

    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+");

    private final MailQueue mailQueue;
    private final ObjectMapper json;

    public PetitionReportMailing(MailQueue mailQueue, ObjectMapper json) {
        this.mailQueue = mailQueue;
        this.json = json;
    }

    public void enqueue(List<ReportReady> reports) {
        List<AddressedMail> mail = new ArrayList<>();
        for (ReportReady report : reports) {
            if (!WEB_ADDRESS.matcher(report.downloadUrl()).matches()) {
                Log.warnf("report %s of petition %s: the download address is not http(s), not mailed", report.reportId(),
                        report.petitionSlug());
                continue;
            }
            mail.addAll(AddressedMail.toOrganizers(report.recipients(), report.reportId().toString(),
                    report.petitionTitle(), payloadOf(report),
                    "report " + report.reportId() + " of petition " + report.petitionSlug()));
        }
        mailQueue.enqueueAddressed(MailKind.PETITION_REPORT, mail);
    }

    private String payloadOf(ReportReady report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report " + report.reportId(), e);
        }
    }
}
