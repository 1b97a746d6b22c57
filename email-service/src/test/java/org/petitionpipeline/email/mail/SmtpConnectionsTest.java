package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * Several SMTP conversations at once, asked for by several threads at once, each on a connection opened for it (no
 * keep-alive): the moment two senders could once have one's socket opened on the other's event loop and its
 * greeting lost, after which both sides waited for the other until the server gave up. Four threads sending 100
 * messages each straight through the mail client, as before, had 6 of the 400 hang until the timeout here.
 */
@QuarkusTest
@TestProfile(SmtpConnectionsTest.FreshConnections.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class SmtpConnectionsTest {

    public static class FreshConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.keep-alive", "false", "email.smtp-connections", "8",
                    "email.smtp-timeout", "5s");
        }
    }

    private static final Logger LOG = Logger.getLogger(SmtpConnectionsTest.class);
    private static final int SENDERS = 4;
    private static final int EACH = 500;
    private static final String RUN = "lanes";

    @Inject
    SmtpGateway smtp;

    @Test
    void fourSendersOfFiveHundredEachOverEightConnectionsDeliverEveryMessageOnceWithoutAHang() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            long start = System.nanoTime();
            List<Future<List<SmtpOutcome>>> sent = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                List<Mail> mails = IntStream.range(sender * EACH, (sender + 1) * EACH)
                        .mapToObj(number -> ReceiptLikeMail.numbered(RUN, number)).toList();
                sent.add(senders.submit(() -> smtp.send(mails)));
            }
            for (Future<List<SmtpOutcome>> outcomes : sent) {
                // a lost greeting fails its message when the 5 s timeout ends the wait
                assertThat(outcomes.get()).allMatch(SmtpOutcome::sent);
            }
            LOG.infof("%d messages in %d ms", SENDERS * EACH, (System.nanoTime() - start) / 1_000_000);
        } finally {
            senders.shutdownNow();
        }

        Map<String, Long> received = receivedSubjects();
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, SENDERS * EACH)
                .mapToObj(number -> ReceiptLikeMail.subject(RUN, number)).toList());
        assertThat(received.values()).as("each once").containsOnly(1L);
    }

    private static Map<String, Long> receivedSubjects() throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : SmtpTestResource.received().getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
