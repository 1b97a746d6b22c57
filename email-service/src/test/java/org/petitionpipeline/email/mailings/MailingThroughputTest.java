package org.petitionpipeline.email.mailings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.petitionpipeline.email.MailFixtures.queryText;
import static org.petitionpipeline.email.mailings.MailingFixtures.awaitFinished;
import static org.petitionpipeline.email.mailings.MailingFixtures.post;
import static org.petitionpipeline.email.mailings.MailingFixtures.progress;
import static org.petitionpipeline.email.mailings.MailingFixtures.receivedPerAddress;
import static org.petitionpipeline.email.mailings.MailingFixtures.signers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.kit.catalog.PetitionCatalog;
import org.petitionpipeline.testsupport.KafkaTestClient;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * How fast one instance sends an update when the rate limit is out of the way: the worker's own cost (two
 * statements per recipient) plus SMTP to GreenMail. The rate it logs is the one the README quotes.
 */
@QuarkusTest
@TestProfile(MailingThroughputTest.Unthrottled.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class MailingThroughputTest {

    /** A limit no SMTP server here comes near. */
    public static class Unthrottled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("email.mailing-rate", "1000000");
        }
    }

    private static final Logger LOG = Logger.getLogger(MailingThroughputTest.class);
    private static final int PEOPLE = 1_000;
    private static final String SUBJECT = "As fast as it goes";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;


    @Inject
    PetitionCatalog catalog;

    @BeforeEach
    void petitionsExist() {
        MailingFixtures.publishPetitions(bootstrapServers, catalog, "fast");
    }

    @Test
    void anUnthrottledMailingStillReachesEveryoneExactlyOnce() throws Exception {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            signers(kafka, dataSource, "fast", "yan", PEOPLE);
        }
        // the receipts go first, so that they do not share the SMTP server with the measured mailing
        await().atMost(Duration.ofSeconds(60)).until(() -> "0".equals(queryText(dataSource,
                "select count(*) from email.outbox where status in ('PENDING', 'SENDING')")));

        String location = post("fast", SUBJECT, "Quick news.");
        awaitFinished(location, Duration.ofSeconds(60));

        JsonPath finished = progress(location).jsonPath();
        assertThat(finished.getInt("sent")).isEqualTo(PEOPLE);
        assertThat(receivedPerAddress(SUBJECT)).hasSize(PEOPLE).allSatisfy((address, count) -> assertThat(count)
                .as(address).isEqualTo(1L));
        Duration took = Duration.between(Instant.parse(finished.getString("started_at")),
                Instant.parse(finished.getString("finished_at")));
        LOG.infof("unthrottled mailing: %d messages in %d ms, %.0f messages/s", PEOPLE, took.toMillis(),
                PEOPLE * 1000.0 / took.toMillis());
    }
}
