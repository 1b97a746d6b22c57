package org.petitionpipeline.email.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.awaitMail;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.header;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.subjectOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.ReportReady;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** A delivery report is mailed to each organizer once per report, however often the event is replayed. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class PetitionReportMailTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static ReportReady report(UUID id, List<String> recipients, String downloadUrl) {
        return new ReportReady(EventSchema.VERSION, id, "demo", "Tell the Attorney General: resign", 1000, 1042, 980,
                recipients, downloadUrl, SHA, Instant.parse("2026-11-23T06:00:00Z"));
    }

    @Test
    void eachOrganizerGetsOneReportMailInHtmlAndTextWithoutUnsubscribeHeadersHoweverOftenItIsReplayed()
            throws Exception {
        ReportReady ready = report(UUID.randomUUID(), List.of(" Olga@Organizers.example ", "pat@organizers.example",
                "mallory@organizers.example\r\nBcc: victim@elsewhere.example", "not an address"),
                "https://reports.example/r/abc?sig=xyz");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.REPORTS_READY, ready.key(), ready);
            kafka.send(Topics.REPORTS_READY, ready.key(), ready);
            awaitMail("olga@organizers.example", 1);
            awaitMail("pat@organizers.example", 1);
            kafka.send(Topics.REPORTS_READY, ready.key(), ready);
        }
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() ->
                mailTo("olga@organizers.example").size() == 1 && mailTo("pat@organizers.example").size() == 1);
        assertThat(mailTo("victim@elsewhere.example")).isEmpty();
        assertThat(Arrays.stream(org.petitionpipeline.testsupport.SmtpTestResource.received().getReceivedMessages())
                .map(MailFixtures::recipientOf)).noneMatch(recipient -> recipient.contains("mallory"));

        MimeMessage olga = mailTo("olga@organizers.example").get(0);
        MimeMessage pat = mailTo("pat@organizers.example").get(0);
        assertThat(subjectOf(olga)).isEqualTo("Delivery report ready: Tell the Attorney General: resign");
        assertThat(header(olga, "List-Unsubscribe")).as("transactional, not campaign mail").isNull();
        assertThat(header(olga, "List-Unsubscribe-Post")).isNull();
        assertThat(olga.getMessageID()).startsWith("<petition_report." + ready.reportId())
                .isNotEqualTo(pat.getMessageID());
        MimeMultipart parts = (MimeMultipart) olga.getContent();
        assertThat(Arrays.asList(parts.getBodyPart(0).getContentType(), parts.getBodyPart(1).getContentType()))
                .anyMatch(type -> type.startsWith("text/plain")).anyMatch(type -> type.startsWith("text/html"));
        assertThat(body(olga)).contains("https://reports.example/r/abc?sig=xyz", SHA, "1042", "980",
                "has reached 1000 signatures");
    }

    @Test
    void aReportWhoseDownloadAddressIsNotAWebAddressIsNotMailed() {
        ReportReady scripted = report(UUID.randomUUID(), List.of("quinn@organizers.example"), "javascript:alert(1)");
        ReportReady fine = report(UUID.randomUUID(), List.of("quinn@organizers.example"), "https://reports.example/r/q");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.REPORTS_READY, scripted.key(), scripted);
            kafka.send(Topics.REPORTS_READY, fine.key(), fine);
        }
        awaitMail("quinn@organizers.example", 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> mailTo("quinn@organizers.example").size() == 1);
    }
}
