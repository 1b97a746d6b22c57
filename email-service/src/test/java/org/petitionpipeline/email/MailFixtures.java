package org.petitionpipeline.email;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubscriptionChange;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.SmtpTestResource;

/** Signatures to send, and what the tests read back: mail that arrived, changes published, rows stored. */
public final class MailFixtures {

    /** The https URI of List-Unsubscribe, without its angle brackets. */
    private static final Pattern WEB_UNSUBSCRIBE = Pattern.compile("<(https?://[^>]+)>");

    /** The mailto URI of List-Unsubscribe: its mailbox and its (percent-encoded) subject. */
    private static final Pattern MAILTO_UNSUBSCRIBE = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>");

    private static final SecureRandom RANDOM = new SecureRandom();

    private MailFixtures() {
    }

    public static AcceptedSignature accepted(String email, String emailHash, boolean optIn) {
        return accepted("demo", email, emailHash, optIn);
    }

    public static AcceptedSignature accepted(String petitionSlug, String email, String emailHash, boolean optIn) {
        return new AcceptedSignature(EventSchema.VERSION, UUID.randomUUID(), petitionSlug,
                "Tell the Attorney General: resign", emailHash, new Signer("Jane", "Doe", email, "20500", "US"), null, new Consent(optIn, "v1", "en"),
                // in milliseconds, as PostgreSQL (microseconds) keeps it exactly
                new RequestFacts(Instant.now().truncatedTo(ChronoUnit.MILLIS), "203.0.113.7", "test",
                        "https://news.example/story"), "US-DC", Instant.now());
    }

    /** An opted-in signature given on the form in {@code language}, to that language's wording "v1-<language>". */
    public static AcceptedSignature acceptedIn(String language, String petitionSlug, String email, String emailHash) {
        AcceptedSignature signature = accepted(petitionSlug, email, emailHash, true);
        return new AcceptedSignature(signature.schemaVersion(), signature.signatureId(), petitionSlug,
                signature.petitionTitle(), emailHash, signature.signer(), null, new Consent(true, "v1-" + language,
                language), signature.request(), signature.region(), signature.acceptedAt());
    }

    public static AcceptedSignature signedAt(String email, String emailHash, Instant signedAt) {
        AcceptedSignature signature = accepted(email, emailHash, true);
        return new AcceptedSignature(signature.schemaVersion(), signature.signatureId(), "other-petition",
                signature.petitionTitle(), emailHash, signature.signer(), null, signature.consent(),
                new RequestFacts(signedAt, "203.0.113.7", "test", null), signature.region(), signature.acceptedAt());
    }

    public static String hashOf(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** An email hash no other test uses. */
    public static String newHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Sends an opted-in signature and waits until the person is subscribed and has the receipt. */
    public static AcceptedSignature subscribe(KafkaTestClient kafka, DataSource dataSource, String email, String emailHash) {
        AcceptedSignature signature = accepted(email, emailHash, true);
        kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUBSCRIBED".equals(statusOf(dataSource, emailHash))
                && mailTo(email).size() == 1);
        return signature;
    }

    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SmtpTestResource.received().getReceivedMessages())
                .filter(message -> recipientOf(message).equals(address)).toList();
    }

    public static void awaitMail(String address, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(address).size() >= count);
    }

    public static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part of the message, decoded (no quoted-printable, no soft line breaks). */
    public static String body(Part message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(body(parts.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return content.toString();
    }

    /** A received header as one line (RFC 5322 unfolding), or null when the message has none. */
    public static String header(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : MimeUtility.unfold(values[0]);
    }

    /** Path and query of the web unsubscribe link in the message's List-Unsubscribe header. */
    public static String unsubscribePath(MimeMessage message) throws MessagingException {
        Matcher link = WEB_UNSUBSCRIBE.matcher(header(message, "List-Unsubscribe"));
        if (!link.find()) {
            throw new AssertionError("no https unsubscribe link in " + header(message, "List-Unsubscribe"));
        }
        return link.group(1).replaceFirst("https?://[^/]+", "");
    }

    /** The request a mail client sends for the message's List-Unsubscribe mailto: where to, and its subject. */
    public record MailtoRequest(String mailbox, String subject) {
    }

    public static MailtoRequest mailtoUnsubscribe(MimeMessage message) throws MessagingException {
        Matcher mailto = MAILTO_UNSUBSCRIBE.matcher(header(message, "List-Unsubscribe"));
        if (!mailto.find()) {
            throw new AssertionError("no mailto unsubscribe in " + header(message, "List-Unsubscribe"));
        }
        return new MailtoRequest(mailto.group(1), URLDecoder.decode(mailto.group(2), StandardCharsets.UTF_8));
    }

    public static List<SubscriptionChange> changesOf(KafkaTestClient kafka, String emailHash) {
        return kafka.readAllValues(Topics.SUBSCRIPTIONS, SubscriptionChange.class).stream()
                .filter(change -> change.emailHash().equals(emailHash)).toList();
    }

    /**
     * The person's changes once {@code count} have been published and no more come for two seconds: a change
     * published twice (or once too many) would show in that time.
     */
    public static List<SubscriptionChange> settledChangesOf(KafkaTestClient kafka, String emailHash, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> changesOf(kafka, emailHash).size() >= count);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> changesOf(kafka, emailHash).size() == count);
        return changesOf(kafka, emailHash);
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String queryText(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = prepare(connection, sql, parameters)) {
            return update.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    public static String statusOf(DataSource dataSource, String emailHash) throws SQLException {
        return queryText(dataSource, "select subscription_status from email.person where email_hash = ?", emailHash);
    }
}
