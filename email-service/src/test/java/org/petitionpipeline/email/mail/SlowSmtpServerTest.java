package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.petitionpipeline.email.MailFixtures.mailTo;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.mailings.MailingFixtures.awaitFinished;
import static org.petitionpipeline.email.mailings.MailingFixtures.post;
import static org.petitionpipeline.email.mailings.MailingFixtures.progress;
import static org.petitionpipeline.email.mailings.MailingFixtures.publishPetitions;
import static org.petitionpipeline.email.mailings.MailingFixtures.receivedPerAddress;
import static org.petitionpipeline.email.mailings.MailingFixtures.signers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.email.mailings.repository.Mailing;
import org.petitionpipeline.email.mailings.repository.MailingRecipientRepository;
import org.petitionpipeline.email.mailings.repository.MailingRepository;
import org.petitionpipeline.email.mailqueue.MailQueue;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * An SMTP server that takes longer over each message than a claim lasts unrenewed, yet answers within the SMTP
 * timeout, is slow, not dead: the live sender keeps its claims on the receipts and its lease on the mailing while it
 * waits, so another instance, looking all along for stale claims as its rounds do, finds none, sets nothing aside as
 * UNCERTAIN, and every message is delivered exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(value = SmtpFaultTestResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "email.claim-lifetime", value = SlowSmtpServerTest.CLAIM_LIFETIME),
        @ResourceArg(name = "email.smtp-timeout", value = "30s")})
class SlowSmtpServerTest {

    static final String CLAIM_LIFETIME = "6s";
    // longer than a claim lasts unrenewed, well within the SMTP timeout
    private static final Duration SERVER_TAKES = Duration.ofSeconds(8);
    private static final String PETITION = "slow-relay";
    private static final String SUBJECT = "The relay is slow today";
    private static final int SIGNERS = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    PetitionCatalog catalog;

    @Inject
    MailQueue mailQueue;

    @Inject
    MailingRepository mailings;

    @Inject
    MailingRecipientRepository recipients;

    @Inject
    ClaimHeartbeat heartbeat;

    @Test
    void aLiveSenderOnAServerSlowerThanAClaimLastsHasNothingSetAsideAndDeliversEachMessageOnce() throws Exception {
        assertThat(heartbeat.lifetime()).isEqualTo(Duration.parse("PT" + CLAIM_LIFETIME)).isLessThan(SERVER_TAKES);
        publishPetitions(bootstrapServers, catalog, PETITION);
        SmtpFaultTestResource.proxy().replyToMessagesAfter(SERVER_TAKES);
        List<String> people;
        String location;
        try (OtherInstance other = new OtherInstance()) {
            try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
                people = signers(kafka, dataSource, PETITION, "slow", SIGNERS);
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> receiptsUnfinished() == 0);
            location = post(PETITION, SUBJECT, "The hearing moved to Thursday.");
            awaitFinished(location, Duration.ofSeconds(120));
        }

        assertThat(queryText(dataSource, "select string_agg(distinct status, ',') from email.outbox"
                + " where kind = 'SIGNATURE_RECEIPT' and petition_slug = ?", PETITION)).isEqualTo("SENT");
        progress(location).then().body("sent", is(SIGNERS)).body("uncertain", is(0)).body("failed", is(0));
        Map<String, Long> updates = receivedPerAddress(SUBJECT);
        assertThat(updates).containsOnlyKeys(people);
        assertThat(updates.values()).containsOnly(1L);
        for (String person : people) {
            assertThat(mailTo(person)).as("the receipt and the update, each once").hasSize(2);
        }
    }

    private int receiptsUnfinished() throws Exception {
        return Integer.parseInt(queryText(dataSource, "select count(*) from email.outbox"
                + " where kind = 'SIGNATURE_RECEIPT' and petition_slug = ? and status in ('PENDING', 'SENDING')",
                PETITION));
    }

    /**
     * Does twice a second what another instance's rounds do first: set aside the messages caught in the hand-over under
     * a stale claim, and take over a mailing whose lease ran out, setting aside its recipients caught in the hand-over.
     */
    private final class OtherInstance implements AutoCloseable {

        private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        OtherInstance() {
            rounds.scheduleWithFixedDelay(this::round, 0, 500, TimeUnit.MILLISECONDS);
        }

        private void round() {
            try {
                mailQueue.setAsideInterruptedHandOvers(heartbeat.lifetime());
                UUID owner = UUID.randomUUID();
                Optional<Mailing> leased = mailings.leaseNext(owner, heartbeat.lifetime());
                leased.ifPresent(mailing -> {
                    recipients.setAsideHandedOver(mailing.id());
                    mailings.releaseLease(mailing.id(), owner);
                });
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            rounds.shutdownNow();
            assertThat(rounds.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }
}
