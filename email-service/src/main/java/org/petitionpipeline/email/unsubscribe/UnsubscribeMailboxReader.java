package org.petitionpipeline.email.unsubscribe;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.petitionpipeline.email.config.EmailConfig;
import org.petitionpipeline.email.database.LockKeys;
import org.petitionpipeline.email.mail.EmailMetrics;
import org.petitionpipeline.email.people.SubscriptionService;
import org.petitionpipeline.kit.relay.AdvisoryLock;

/**
 * Acts on the mailto of List-Unsubscribe: reads the unsubscribe mailbox over IMAP, unsubscribes the owner of
 * each request's token (as the web link does, source {@code mailto}) and deletes the request, so each is
 * handled once. A request with a forged, altered or expired token changes nothing and is deleted as well; a
 * repeated one is harmless, unsubscribing is idempotent. One instance reads the mailbox at a time (an advisory
 * lock): two would act on, count and delete each request twice. Off when no IMAP host is configured.
 */
@ApplicationScoped
public class UnsubscribeMailboxReader {

    /** What became of one request, for the metrics. */
    public enum Outcome { UNSUBSCRIBED, INVALID, EXPIRED }

    private static final String SOURCE = "mailto";
    private static final String TIMEOUT_MILLIS = "10000";

    private final EmailConfig.UnsubscribeImap imap;
    private final UnsubscribeTokens tokens;
    private final SubscriptionService subscriptions;
    private final EmailMetrics metrics;
    private final AdvisoryLock oneReader;

    public UnsubscribeMailboxReader(EmailConfig config, UnsubscribeTokens tokens, SubscriptionService subscriptions,
            EmailMetrics metrics, DataSource dataSource) {
        this.imap = config.unsubscribeImap();
        this.tokens = tokens;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.oneReader = new AdvisoryLock(dataSource, LockKeys.UNSUBSCRIBE_MAILBOX);
    }

    void announce(@Observes StartupEvent started) {
        if (imap.host().isEmpty()) {
            Log.info("unsubscribe mailbox reader is off (no EMAIL_UNSUBSCRIBE_IMAP_HOST): mailto requests are not acted on");
        }
    }

    @Scheduled(every = "${email.unsubscribe-imap.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readMailbox() {
        if (imap.host().isEmpty()) {
            return;
        }
        Optional<AdvisoryLock.Held> turn = oneReader.tryAcquire();
        if (turn.isEmpty()) {
            // another instance is reading it this round
            return;
        }
        String protocol = imap.ssl() ? "imaps" : "imap";
        try (AdvisoryLock.Held reading = turn.get(); Store store = session(protocol).getStore(protocol)) {
            store.connect(imap.host().get(), imap.port(), imap.user().orElse(null), imap.password().orElse(null));
            handleInbox(store.getFolder("INBOX"));
        } catch (MessagingException e) {
            Log.warnf("unsubscribe mailbox %s:%d not readable, trying again next round: %s", imap.host().get(),
                    imap.port(), e.getMessage());
        }
    }

    private void handleInbox(Folder inbox) throws MessagingException {
        inbox.open(Folder.READ_WRITE);
        try {
            for (Message request : inbox.getMessages()) {
                handle(request);
            }
        } finally {
            // expunges what was flagged deleted
            inbox.close(true);
        }
    }

    /**
     * A request that could not be acted on (the database is down, the message is unreadable) stays in the
     * mailbox for the next round.
     */
    private void handle(Message request) {
        try {
            Outcome outcome = act(UnsubscribeRequest.tokenOf(request).orElse(null));
            request.setFlag(Flags.Flag.DELETED, true);
            metrics.mailtoUnsubscribe(outcome);
        } catch (MessagingException | IOException | RuntimeException e) {
            Log.warnf("mailto unsubscribe request %d not handled, trying again next round: %s",
                    request.getMessageNumber(), e.getMessage());
        }
    }

    private Outcome act(String token) {
        UnsubscribeTokens.Check check = tokens.verify(token);
        return switch (check.verdict()) {
            case VALID -> unsubscribe(check.emailHash());
            case EXPIRED -> Outcome.EXPIRED;
            case INVALID -> Outcome.INVALID;
        };
    }

    private Outcome unsubscribe(String emailHash) {
        if (subscriptions.unsubscribe(emailHash, SOURCE)) {
            Log.infof("unsubscribed %s by mailto", emailHash);
        }
        return Outcome.UNSUBSCRIBED;
    }

    private Session session(String protocol) {
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        return Session.getInstance(properties);
    }
}
