package org.petitionpipeline.email.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "email")
public interface EmailConfig {

    /** Base URL of this service as signers' browsers reach it; links in mail start with it. */
    String publicUrl();

    /** HMAC key of unsubscribe tokens (env {@code EMAIL_TOKEN_KEY}). */
    String tokenKey();

    /** How long an unsubscribe link works after the message that carries it was sent. */
    Duration unsubscribeTokenLifetime();

    /** Where RFC 2369 {@code mailto:} unsubscribe requests go; someone (or something) must act on that mailbox. */
    String unsubscribeMailbox();

    /** The IMAP account of {@link #unsubscribeMailbox()}, read for mailto unsubscribe requests. */
    UnsubscribeImap unsubscribeImap();

    /** Where to read the unsubscribe mailbox; without a host nobody reads it. */
    interface UnsubscribeImap {

        /** env {@code EMAIL_UNSUBSCRIBE_IMAP_HOST}; absent: the reader is off. */
        Optional<String> host();

        int port();

        Optional<String> user();

        Optional<String> password();

        /** IMAP over TLS (imaps) rather than plain IMAP. */
        boolean ssl();

        /** How often the mailbox is read. */
        Duration interval();
    }

    /** Bearer token of the bounce and complaint webhook (env {@code EMAIL_WEBHOOK_TOKEN}). */
    String webhookToken();

    /** How often the mail queue is drained and unfinished mailings are looked for. */
    Duration sendInterval();

    /**
     * Longest wait for the SMTP server to take one message, from the connection to the reply after the message: a
     * server that stops answering fails the send, which is retried later like a refusal.
     */
    Duration smtpTimeout();

    /**
     * Most SMTP conversations one instance holds at once, each on a connection of its own that stays open for the next
     * message. No more than the mail client's pool holds ({@code quarkus.mailer.max-pool-size}, Quarkus' 10): a
     * conversation beyond it waits for a connection inside its {@link #smtpTimeout()}.
     */
    int smtpConnections();

    /**
     * How long a claim on queued mail, or a mailing's lease, lasts without renewal before its holder is taken for dead
     * and another instance takes the work over. A live holder has it renewed every third of this, however long its
     * SMTP conversations take, so it does not depend on {@link #smtpTimeout()}.
     */
    Duration claimLifetime();

    /** Messages claimed per round of the mail queue sender. */
    int sendBatchSize();

    /**
     * Messages of a round marked handed over to the SMTP server in one statement, and recorded sent in one: fewer
     * statements per message, but an instance killed while sending a group leaves all of it UNCERTAIN (never sent
     * twice; those it had not started, never sent). 1 gives the old one-message window. At least 1.
     */
    int handOverGroupSize();

    /** Most messages per second one instance sends of organizer updates: what the SMTP relay allows us. */
    double mailingRate();

    /** How often recorded subscription changes are relayed to the subscriptions topic. */
    Duration relayInterval();

    /** Which signatures need a confirmed address (env {@code EMAIL_DOUBLE_OPT_IN}: {@code petition} or {@code always}). */
    DoubleOptIn doubleOptIn();

    /** How long a confirmation link works after the message that carries it was sent. */
    Duration confirmationTokenLifetime();

    /** How long the link that confirms an erasure works after it was mailed (short: an erasure cannot be undone). */
    Duration erasureTokenLifetime();

    /** How long the mailed link to a person's export works; opening it again within that time shows the same export. */
    Duration accessTokenLifetime();

    /** How long a collected export is kept for the person (or ops) to fetch, before it is deleted. */
    Duration accessExportKept();

    /**
     * How often one client address may ask for an erasure or export link: each link mail goes to whatever address is
     * typed, so this keeps anyone from making us mail many addresses. Counted per instance.
     */
    PrivacyForms privacyForms();

    interface PrivacyForms {

        /** Requests one address may make at once. */
        int burst();

        /** Requests it regains per minute after that. */
        int perMinute();
    }

    /** Most reminders sent to a signer who has not confirmed yet. */
    int confirmationReminders();

    /** How long after the confirmation request (and after each reminder) the next reminder is due. */
    Duration confirmationReminderDelay();
}
