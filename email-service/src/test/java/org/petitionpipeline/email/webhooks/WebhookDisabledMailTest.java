package org.petitionpipeline.email.webhooks;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.contracts.WebhookDisabled;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** The owners of an organization whose webhook endpoint was disabled are each mailed once, however often it is told. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class WebhookDisabledMailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachOwnerGetsOneNoticeNamingTheEndpointTheReasonAndWhereToEnableItAgain() throws Exception {
        WebhookDisabled notice = new WebhookDisabled(EventSchema.VERSION, UUID.randomUUID(), "acme", UUID.randomUUID(),
                "https://crm.acme.example/hooks?<b>x</b>", "no delivery succeeded for PT24H; last: HTTP 503",
                Instant.parse("2026-12-07T18:00:00Z"), List.of("Owen@Acme.example", "not an address",
                        "rita@acme.example"), "https://reports.example/console/organizations/acme/webhooks");
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.WEBHOOKS_DISABLED, notice.key(), notice);
            kafka.send(Topics.WEBHOOKS_DISABLED, notice.key(), notice);
            awaitMail("owen@acme.example", 1);
            awaitMail("rita@acme.example", 1);
            kafka.send(Topics.WEBHOOKS_DISABLED, notice.key(), notice);
        }
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() ->
                mailTo("owen@acme.example").size() == 1 && mailTo("rita@acme.example").size() == 1);

        MimeMessage owen = mailTo("owen@acme.example").get(0);
        assertThat(subjectOf(owen)).isEqualTo("Webhook endpoint disabled: https://crm.acme.example/hooks?<b>x</b>");
        assertThat(header(owen, "List-Unsubscribe")).as("transactional, not campaign mail").isNull();
        assertThat(owen.getMessageID()).startsWith("<webhook_disabled." + notice.noticeId())
                .isNotEqualTo(mailTo("rita@acme.example").get(0).getMessageID());
        assertThat(body(owen)).contains("HTTP 503", "https://reports.example/console/organizations/acme/webhooks",
                "&lt;b&gt;x&lt;/b&gt;", "You get this email because you own the organization acme");
    }
}
