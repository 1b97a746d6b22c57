package org.petitionpipeline.email.mailings;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.petitionpipeline.contracts.AcceptedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.kit.identity.AdminApiPolicy;
import org.petitionpipeline.kit.identity.TestAccessTokens;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.SmtpTestResource;
import org.petitionpipeline.testsupport.TestPetitions;

/** Organizer updates: signers to send them to, posting one, and reading what arrived. */
public final class MailingFixtures {

    static final String ADMIN_TOKEN = TestAccessTokens.operator();

    private MailingFixtures() {
    }

    /**
     * Puts petitions of the organization {@code default} (the test tokens' own) on the catalog topic and waits until
     * email-service knows them: the admin API finds a petition's organization there.
     */
    public static void publishPetitions(String bootstrapServers, PetitionCatalog catalog, String... slugs) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            for (String slug : slugs) {
                if (catalog.find(slug).isEmpty()) {
                    kafka.send(Topics.PETITIONS, slug, TestPetitions.open(slug, AdminApiPolicy.DEFAULT_ORGANIZATION));
                }
            }
        }
        for (String slug : slugs) {
            await().atMost(Duration.ofSeconds(60)).until(() -> catalog.find(slug).isPresent());
        }
    }

    static String updatesOf(String petitionSlug) {
        return "/api/admin/petitions/" + petitionSlug + "/updates";
    }

    static Response postUpdate(String petitionSlug, String subject, String body) {
        return postUpdate(petitionSlug, Map.of("subject", subject, "body", body));
    }

    /** Posts an update as JSON, e.g. with {@code translations}. */
    public static Response postUpdate(String petitionSlug, Map<String, Object> update) {
        return given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(update)
                .post(updatesOf(petitionSlug));
    }

    /** Posts an update and returns the path of its progress (the Location of the 202). */
    public static String post(String petitionSlug, String subject, String body) {
        return post(petitionSlug, Map.of("subject", subject, "body", body));
    }

    public static String post(String petitionSlug, Map<String, Object> update) {
        Response posted = postUpdate(petitionSlug, update);
        posted.then().statusCode(202);
        return posted.header("Location").replaceFirst("https?://[^/]+", "");
    }

    static UUID mailingId(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    public static Response progress(String location) {
        return given().auth().oauth2(ADMIN_TOKEN).get(location);
    }

    public static void awaitFinished(String location, Duration atMost) {
        try {
            await().atMost(atMost).until(() -> "FINISHED".equals(progress(location).path("status")));
        } catch (ConditionTimeoutException notFinished) {
            // its counts tell a worker that never took the mailing from a recipient left waiting to retry
            throw new AssertionError("not finished within " + atMost + ": " + progress(location).asString(),
                    notFinished);
        }
    }

    /**
     * Signs the petition as {@code count} people who opt in ({@code <prefix>-<n>@example.org}) and waits until
     * each is subscribed with a consent on record for it.
     */
    public static List<String> signers(KafkaTestClient kafka, DataSource dataSource, String petitionSlug, String prefix,
            int count) {
        List<String> addresses = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String address = prefix + "-" + n + "@example.org";
            AcceptedSignature signature = MailFixtures.accepted(petitionSlug, address, MailFixtures.newHash(), true);
            kafka.send(Topics.SIGNATURES_ACCEPTED, signature.key(), signature);
            addresses.add(address);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(count).equals(MailFixtures.queryText(
                dataSource, """
                        select count(*) from email.consent c join email.person p using (email_hash)
                        where c.petition_slug = ? and p.subscription_status = 'SUBSCRIBED'""", petitionSlug)));
        return addresses;
    }

    /** How many messages with this subject each address received. */
    public static Map<String, Long> receivedPerAddress(String subject) {
        return Arrays.stream(SmtpTestResource.received().getReceivedMessages())
                .filter(message -> subject.equals(MailFixtures.subjectOf(message)))
                .collect(Collectors.groupingBy(MailFixtures::recipientOf, Collectors.counting()));
    }

    public static List<MimeMessage> updatesTo(String address, String subject) {
        return MailFixtures.mailTo(address).stream().filter(message -> subject.equals(MailFixtures.subjectOf(message))).toList();
    }
}
