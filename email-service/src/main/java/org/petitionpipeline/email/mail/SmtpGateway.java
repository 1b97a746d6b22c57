package org.petitionpipeline.email.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * The one way mail leaves this service: one SMTP conversation at a time per instance, each bounded by
 * {@code email.smtp-timeout}.
 * <p>
 * One at a time, because two senders asking the mail client's connection pool for a connection at the same moment
 * can have one's socket opened on the other's event loop; the server's greeting then arrives before anyone reads
 * it, and both sides wait for the other until the server gives up (GreenMail after 30 s, Postfix after 300 s).
 * Bounded, because a server that stops answering must fail the send, which every sender retries like a refusal,
 * rather than hold up every message behind it. The claims that keep other instances off the message do not depend on
 * this bound: {@link ClaimHeartbeat} renews them while the conversation goes on.
 */
@ApplicationScoped
public class SmtpGateway {

    // whoever waits here waits for a conversation that is itself bounded: at most one timeout
    private final ReentrantLock oneConversationAtATime = new ReentrantLock(true);
    private final ReactiveMailer mailer;
    private final Duration timeout;

    public SmtpGateway(ReactiveMailer mailer, EmailConfig config) {
        this.mailer = mailer;
        this.timeout = config.smtpTimeout();
    }

    /** Hands one message to the SMTP server; throws when the server refused it or did not answer in time. */
    public void send(Mail mail) {
        oneConversationAtATime.lock();
        try {
            mailer.send(mail).await().atMost(timeout);
        } catch (TimeoutException noAnswer) {
            throw new IllegalStateException("the SMTP server did not answer within " + timeout.toMillis() + " ms",
                    noAnswer);
        } finally {
            oneConversationAtATime.unlock();
        }
    }
}
