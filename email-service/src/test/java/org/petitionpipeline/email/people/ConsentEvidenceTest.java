package org.petitionpipeline.email.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.accepted;
import static org.petitionpipeline.email.MailFixtures.changesOf;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.MailFixtures.statusOf;
import static org.petitionpipeline.email.MailFixtures.subscribe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.SubscriptionStatus;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ConsentEvidenceTest {

    private static final String EVIDENCE = """
            select petition_slug || ' | ' || text_version || ' | ' || source_url || ' | ' || client_ip || ' | '
                || to_char(given_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')
            from email.consent where signature_id = ?::uuid""";

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void anOptInKeepsItsWordingTimePetitionSourceAndAddressAndSubscribes() throws Exception {
        String hash = newHash();
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            AcceptedSignature signature = subscribe(kafka, dataSource, "sal@example.org", hash);

            assertThat(queryText(dataSource, EVIDENCE, signature.signatureId().toString())).isEqualTo(
                    "demo | v1 | https://news.example/story | 203.0.113.7 | "
                            + MILLIS_UTC.format(signature.request().receivedAt()));
            await().atMost(Duration.ofSeconds(10)).until(() -> changesOf(kafka, hash).size() == 1);
            SubscriptionChange subscribed = changesOf(kafka, hash).get(0);
            assertThat(subscribed.status()).isEqualTo(SubscriptionStatus.SUBSCRIBED);
            assertThat(subscribed.source()).isEqualTo("signature");
        }
    }

    @Test
    void withoutAnOptInThereIsNoConsentNoSubscriptionAndNoUnsubscribeLink() throws Exception {
        String hash = newHash();
        AcceptedSignature signature = accepted("tom@example.org", hash, false);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("tom@example.org").size() == 1);

            assertThat(queryText(dataSource, "select count(*) from email.consent where email_hash = ?", hash))
                    .isEqualTo("0");
            assertThat(statusOf(dataSource, hash)).isNull();
            assertThat(mailTo("tom@example.org").get(0).getHeader("List-Unsubscribe")).isNull();
            assertThat(changesOf(kafka, hash)).isEmpty();
        }
    }
}
