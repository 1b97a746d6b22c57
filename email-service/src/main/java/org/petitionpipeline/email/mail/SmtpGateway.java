package org.petitionpipeline.email.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.petitionpipeline.email.config.EmailConfig;

/**
 * The one way mail leaves this service: at most {@code email.smtp-connections} SMTP conversations at once per
 * instance, however many threads send, each bounded by {@code email.smtp-timeout}.
 * <p>
 * Every conversation starts on {@link SmtpEventLoop}: the mail client's pool, asked by several threads at once, could
 * open one sender's socket on another's event loop and lose the server's greeting (both sides then waited for the
 * other until the server gave up). The mail client keeps its connections open between messages (RSET, then the next
 * message) and pipelines MAIL, RCPT and DATA where the server offers PIPELINING.
 * Bounded, because a server that stops answering must fail the send, which every sender retries like a refusal,
 * rather than hold up every message behind it. The claims that keep other instances off the message do not depend on
 * this bound: {@link ClaimHeartbeat} renews them while the conversation goes on.
 */
@ApplicationScoped
public class SmtpGateway {

    private final ReactiveMailer mailer;
    private final SmtpEventLoop eventLoop;
    private final Duration timeout;
    // whoever waits for a lane waits for a conversation that is itself bounded: at most one timeout
    private final Semaphore lanes;

    public SmtpGateway(ReactiveMailer mailer, SmtpEventLoop eventLoop, EmailConfig config) {
        if (config.smtpConnections() < 1) {
            throw new IllegalArgumentException("email.smtp-connections is " + config.smtpConnections()
                    + "; set it to 1 or more");
        }
        this.mailer = mailer;
        this.eventLoop = eventLoop;
        this.timeout = config.smtpTimeout();
        this.lanes = new Semaphore(config.smtpConnections(), true);
    }

    /** Hands one message to the SMTP server; throws when the server refused it or did not answer in time. */
    public void send(Mail mail) {
        send(List.of(mail)).get(0).failure().ifPresent(failure -> {
            throw failure;
        });
    }

    /**
     * Hands the messages to the SMTP server over up to {@code email.smtp-connections} conversations at once, and
     * answers when every one is over: the outcome of each, in the order of {@code mails}.
     */
    public List<SmtpOutcome> send(List<Mail> mails) {
        List<CompletableFuture<SmtpOutcome>> conversations = new ArrayList<>(mails.size());
        for (Mail mail : mails) {
            lanes.acquireUninterruptibly();
            conversations.add(converse(mail).subscribeAsCompletionStage());
        }
        return conversations.stream().map(CompletableFuture::join).toList();
    }

    private Uni<SmtpOutcome> converse(Mail mail) {
        return mailer.send(mail)
                .runSubscriptionOn(eventLoop)
                .ifNoItem().after(timeout).failWith(() -> new IllegalStateException(
                        "the SMTP server did not answer within " + timeout.toMillis() + " ms"))
                .map(sent -> SmtpOutcome.SENT)
                .onFailure().recoverWithItem(SmtpGateway::failed)
                .onTermination().invoke(lanes::release);
    }

    // as Mutiny's await() reported them: a checked failure of the mail client wrapped, a runtime one as it is
    private static SmtpOutcome failed(Throwable failure) {
        return SmtpOutcome.failed(failure instanceof RuntimeException runtime ? runtime
                : new CompletionException(failure));
    }
}
