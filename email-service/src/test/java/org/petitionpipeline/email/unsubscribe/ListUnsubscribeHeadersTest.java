package org.petitionpipeline.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.body;
import static org.petitionpipeline.email.MailFixtures.header;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.newHash;
import static org.petitionpipeline.email.MailFixtures.subscribe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Header;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** The headers as the SMTP server received them: RFC 2369 and RFC 8058, and nothing a signer can add. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ListUnsubscribeHeadersTest {

    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile(
            "<(https?://[^/>]+/unsubscribe\\?token=([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+))>, "
                    + "<mailto:(unsubscribe@petitions\\.localhost)\\?subject=unsubscribe%20([A-Za-z0-9_.-]+)>");
    private static final String INJECTION = "\r\nBcc: mallory@evil.example\r\nX-Injected: yes";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aSubscribersReceiptCarriesAWebAndAMailtoUnsubscribeAndTheOneClickHeader() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            subscribe(kafka, dataSource, "quin@example.org", newHash());
        }
        MimeMessage receipt = mailTo("quin@example.org").get(0);

        Matcher uris = LIST_UNSUBSCRIBE.matcher(header(receipt, "List-Unsubscribe"));
        assertThat(uris.matches()).as(header(receipt, "List-Unsubscribe")).isTrue();
        assertThat(uris.group(4)).as("the same token in both").isEqualTo(uris.group(2));
        assertThat(uris.group(1)).doesNotContain("quin").doesNotContain("example.org");
        assertThat(header(receipt, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        // the visible link in the footer, in the text and the HTML part
        assertThat(body(receipt).split(Pattern.quote(uris.group(1)), -1)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void lineBreaksInANameOrTitleCannotAddHeadersOrRecipients() throws Exception {
        AcceptedSignature honest = MailFixtures.accepted("rae@example.org", newHash(), true);
        // a petition the catalog does not know: the receipt takes the title the signature carries
        AcceptedSignature hostile = new AcceptedSignature(honest.schemaVersion(), honest.signatureId(),
                "not-in-the-catalog", "Save the park" + INJECTION, honest.emailHash(),
                new Signer("Rae" + INJECTION, "Doe" + INJECTION, "rae@example.org", "20500", "US"), null,
                honest.consent(), honest.request(), honest.region(), honest.acceptedAt());
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.SIGNATURES_ACCEPTED, hostile.key(), hostile);
            await().atMost(Duration.ofSeconds(15)).until(() -> mailTo("rae@example.org").size() == 1);
        }
        MimeMessage receipt = mailTo("rae@example.org").get(0);

        List<Header> headers = Collections.list(receipt.getAllHeaders());
        assertThat(headers).extracting(Header::getName).doesNotContain("Bcc", "X-Injected");
        assertThat(receipt.getAllRecipients()).extracting(Object::toString).containsExactly("rae@example.org");
        assertThat(mailTo("mallory@evil.example")).isEmpty();
        assertThat(header(receipt, "Subject")).isEqualTo(
                "Thank you for signing: Save the park Bcc: mallory@evil.example X-Injected: yes");
        assertThat(header(receipt, "List-Unsubscribe")).matches(LIST_UNSUBSCRIBE);
    }
}
