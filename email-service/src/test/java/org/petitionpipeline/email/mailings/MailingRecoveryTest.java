package org.petitionpipeline.email.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.mailings.MailingFixtures.awaitFinished;
import static org.petitionpipeline.email.mailings.MailingFixtures.mailingId;
import static org.petitionpipeline.email.mailings.MailingFixtures.post;
import static org.petitionpipeline.email.mailings.MailingFixtures.progress;
import static org.petitionpipeline.email.mailings.MailingFixtures.receivedPerAddress;
import static org.petitionpipeline.email.mailings.MailingFixtures.signers;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.email.MailFixtures;
import org.petitionpipeline.email.mailings.service.MailingWorker;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * A throttled mailing to 1,000 people whose worker dies half-way. The death is what PostgreSQL is left with
 * when a process is killed or stalls: the scheduler stops starting the worker, the mailing's lease still names the
 * dead worker, one recipient is left marked SENDING whose message never reached SMTP, and another whose message was
 * being handed to SMTP when the worker stopped. Once the lease runs out the service's own worker takes over, as a
 * restarted instance would.
 */
@QuarkusTest
@TestProfile(MailingRecoveryTest.ThousandRecipients.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailingRecoveryTest {

    /**
     * A broker, database and mail server of its own: a thousand subscriptions on the shared topic would crowd
     * out what other tests read back from it.
     */
    public static class ThousandRecipients implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("email.mailing-rate", "100");
        }
    }

    private static final Logger LOG = Logger.getLogger(MailingRecoveryTest.class);
    private static final int PEOPLE = 1_000;
    private static final String SUBJECT = "A thousand thanks";
    private static final Pattern UPDATES_WAITING = Pattern.compile(
            "^email_queue_waiting\\{[^}]*queue=\"organizer_updates\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "email.mailing-rate")
    double rate;

    @Inject
    DataSource dataSource;

    @Inject
    Scheduler scheduler;


    @Inject
    PetitionCatalog catalog;

    @BeforeEach
    void petitionsExist() {
        MailingFixtures.publishPetitions(bootstrapServers, catalog, "thousand");
    }

    @Test
    void aMailingWhoseWorkerDiesHalfWayReachesEveryoneElseExactlyOnceAtTheConfiguredRate() throws Exception {
        List<String> people;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            people = signers(kafka, dataSource, "thousand", "zoe", PEOPLE);
        }
        String location = post("thousand", SUBJECT, "Thank you, all **1,000** of you.");
        UUID mailingId = mailingId(location);

        await().atMost(Duration.ofSeconds(60)).until(() -> progress(location).<Integer>path("sent") >= PEOPLE / 3);
        scheduler.pause(MailingWorker.JOB);
        String handedOver;
        try {
            handedOver = dieHalfWay(mailingId);
            int sentBeforeDeath = progress(location).path("sent");
            assertThat(sentBeforeDeath).isLessThan(PEOPLE);
            // the backlog gauge (counted every 15 s) shows everyone still due, the two left SENDING included
            await().atMost(Duration.ofSeconds(20)).until(() -> updatesWaiting() == PEOPLE - sentBeforeDeath);
            expireLease(mailingId);
        } finally {
            scheduler.resume(MailingWorker.JOB);
        }
        awaitFinished(location, Duration.ofSeconds(60));

        progress(location).then().body("recipients", is(PEOPLE)).body("sent", is(PEOPLE - 1)).body("queued", is(0))
                .body("failed", is(0)).body("skipped", is(0)).body("uncertain", is(1));
        Map<String, Long> received = receivedPerAddress(SUBJECT);
        assertThat(received).hasSize(PEOPLE - 1).doesNotContainKey(handedOver);
        assertThat(people).containsAll(received.keySet());
        assertThat(received.values()).containsOnly(1L);
        assertNoSecondHeldMoreThanTheRate(sendTimes(mailingId));
    }

    /**
     * Takes the lease from the running worker as if it had died holding it (its next step finds the lease gone
     * and stops), waits until it has stopped, and leaves one recipient SENDING, as a worker killed just before
     * handing that message to SMTP would, and the next one handed over, as a worker killed or stalled in the SMTP
     * conversation would. Returns the address of the one handed over.
     */
    private String dieHalfWay(UUID mailingId) throws SQLException {
        update("update email.mailing set lease_owner = ?, lease_until = now() + interval '1 hour' where id = ?",
                UUID.randomUUID(), mailingId);
        AtomicReference<String> handled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(1)).until(() -> {
            String now = queryText(dataSource, "select count(*) from email.mailing_recipient where mailing_id = ?"
                    + " and status <> 'PENDING'", mailingId);
            return now.equals(handled.getAndSet(now));
        });
        assertThat(update("""
                update email.mailing_recipient set status = 'SENDING'
                where mailing_id = ? and email_hash = (select min(email_hash) from email.mailing_recipient
                                                       where mailing_id = ? and status = 'PENDING')""",
                mailingId, mailingId)).isEqualTo(1);
        String handedOverHash = queryText(dataSource, "select min(email_hash) from email.mailing_recipient"
                + " where mailing_id = ? and status = 'PENDING'", mailingId);
        assertThat(update("update email.mailing_recipient set status = 'SENDING', handed_over_at = now()"
                + " where mailing_id = ? and email_hash = ?", mailingId, handedOverHash)).isEqualTo(1);
        return queryText(dataSource, "select email from email.person where email_hash = ?", handedOverHash);
    }

    private static long updatesWaiting() {
        Matcher gauge = UPDATES_WAITING.matcher(given().get("/q/metrics").asString());
        return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
    }

    /** The dead worker never renews its lease: after 30 s it runs out. Here it runs out now. */
    private void expireLease(UUID mailingId) throws SQLException {
        update("update email.mailing set lease_until = now() - interval '1 second' where id = ?", mailingId);
    }

    /** Within any run of sends, {@code rate + 1} consecutive messages span at least about a second. */
    private void assertNoSecondHeldMoreThanTheRate(List<Timestamp> sendTimes) {
        int window = (int) rate;
        long fastestWindowMillis = Long.MAX_VALUE;
        for (int i = 0; i + window < sendTimes.size(); i++) {
            fastestWindowMillis = Math.min(fastestWindowMillis,
                    sendTimes.get(i + window).getTime() - sendTimes.get(i).getTime());
        }
        long elapsedMillis = sendTimes.get(sendTimes.size() - 1).getTime() - sendTimes.get(0).getTime();
        LOG.infof("mailing of %d at a limit of %.0f/s: fastest %d consecutive sends took %d ms; %d ms in all,"
                + " pause included", sendTimes.size(), rate, window + 1, fastestWindowMillis, elapsedMillis);
        // the pace is exact; sent_at is stamped after each SMTP reply, so allow for a slow reply before a fast one
        assertThat(fastestWindowMillis).isGreaterThanOrEqualTo(900);
    }

    private List<Timestamp> sendTimes(UUID mailingId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select sent_at from email.mailing_recipient where mailing_id = ? and status = 'SENT'"
                                + " order by sent_at")) {
            query.setObject(1, mailingId);
            List<Timestamp> times = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.add(rows.getTimestamp(1));
                }
            }
            return times;
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        return MailFixtures.update(dataSource, sql, parameters);
    }
}
