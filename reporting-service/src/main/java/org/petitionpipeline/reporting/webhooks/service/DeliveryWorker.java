package org.petitionpipeline.reporting.webhooks.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.petitionpipeline.reporting.webhooks.config.WebhooksConfig;
import org.petitionpipeline.reporting.webhooks.repository.Delivery;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox.Attempt;
import org.petitionpipeline.reporting.webhooks.repository.DeliveryOutbox.Outcome;
import org.petitionpipeline.reporting.webhooks.repository.EndpointRepository;
import org.petitionpipeline.reporting.webhooks.repository.WebhookEndpoint;
import org.petitionpipeline.reporting.webhooks.service.ReceiverAddresses.Allowed;
import org.petitionpipeline.reporting.webhooks.service.ReceiverAddresses.Checked;
import org.petitionpipeline.reporting.webhooks.service.ReceiverAddresses.Refused;

/**
 * Posts the queued webhooks to their endpoints, each attempt signed, and records what came of it.
 *
 * <p>Not service-kit's {@link org.petitionpipeline.kit.relay.OutboxRelay}: that relay moves a whole outbox to one
 * broker, oldest first, one instance at a time under one advisory lock, and a failure ends the round so that the next
 * starts again from the oldest event. Receivers are many and independent: one that is down must hold back neither the
 * others nor its own later deliveries of other people, and each delivery has its own attempts and backoff. So rows
 * are claimed per endpoint with a lease ({@code FOR UPDATE SKIP LOCKED}, instances work side by side), at most
 * {@code max-in-flight-per-endpoint} open requests (each of one event, or of up to the endpoint's batch size) per
 * endpoint and instance, and only the oldest pending event of
 * each subject (a person, or a petition for its milestones and reports) is ever claimed, which keeps a subject's events
 * in order.
 *
 * <p>Each attempt runs on a delivery thread of its own, never a consumer's: a slow or dead receiver holds at most its
 * endpoint's slots (and their threads) until the timeouts end them. The receiver's address is checked before each
 * attempt, and {@link WebhookPoster} connects to the address checked.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final DeliveryOutbox outbox;
    private final EndpointRepository endpoints;
    private final AttemptRecords records;
    private final WebhookPayloads payloads;
    private final ReceiverAddresses receivers;
    private final WebhooksConfig config;
    private final Clock clock;
    private final RetryPolicy retries;
    private final WebhookPoster poster;
    private final ExecutorService executor;
    private final ConcurrentMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public DeliveryWorker(DeliveryOutbox outbox, EndpointRepository endpoints, AttemptRecords records,
            WebhookPayloads payloads, ReceiverAddresses receivers, WebhookPoster poster, WebhooksConfig config,
            Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.records = records;
        this.payloads = payloads;
        this.receivers = receivers;
        this.poster = poster;
        this.config = config;
        this.clock = clock;
        this.retries = new RetryPolicy(config.firstRetryDelay(), config.maxRetryDelay(), config.retryFor(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${reporting.webhooks.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            Instant now = clock.instant();
            for (UUID endpoint : outbox.endpointsWithDueDeliveries(now)) {
                claimAndSend(endpoint, now);
            }
        } catch (RuntimeException databaseAway) {
            Log.warnf("webhook deliveries wait for the next round: %s", databaseAway.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /*
     * Takes the endpoint's free slots, claims what they can carry, and gives back those it has nothing for. After a
     * success the freed slot claims again at once, so a healthy receiver is not held to one round a poll interval; a
     * failing one waits for the next round.
     */
    private void claimAndSend(UUID endpointId, Instant now) {
        AtomicInteger open = inFlight.computeIfAbsent(endpointId, id -> new AtomicInteger());
        int max = config.maxInFlightPerEndpoint();
        int reserved = max - open.getAndUpdate(taken -> Math.max(taken, max));
        if (reserved <= 0) {
            return;
        }
        List<Delivery> claimed = List.of();
        int batch = 1;
        Optional<WebhookEndpoint> endpoint = Optional.empty();
        try {
            endpoint = endpoints.find(endpointId);
            if (endpoint.isPresent()) {
                batch = endpoint.get().batchSize();
                Instant leaseEnds = now.plus(config.connectTimeout()).plus(config.requestTimeout()).plus(LEASE_MARGIN);
                claimed = outbox.claim(endpointId, reserved * batch, now, leaseEnds);
            }
        } finally {
            int posts = (claimed.size() + batch - 1) / batch;
            open.addAndGet(posts - reserved);
        }
        for (int from = 0; from < claimed.size(); from += batch) {
            List<Delivery> post = claimed.subList(from, Math.min(from + batch, claimed.size()));
            WebhookEndpoint to = endpoint.orElseThrow();
            CompletableFuture.supplyAsync(() -> attempt(to, post), executor)
                    .exceptionally(failure -> {
                        Log.warnf("%d webhooks to endpoint %s wait for their lease to end: %s", post.size(),
                                endpointId, failure.getMessage());
                        return false;
                    })
                    .thenAccept(delivered -> {
                        open.decrementAndGet();
                        if (delivered) {
                            claimAgain(endpointId);
                        }
                    });
        }
    }

    private void claimAgain(UUID endpointId) {
        try {
            claimAndSend(endpointId, clock.instant());
        } catch (RuntimeException databaseAway) {
            Log.warnf("webhooks to endpoint %s wait for the next round: %s", endpointId, databaseAway.getMessage());
        }
    }

    /**
     * One POST of one event, or of a batch as a JSON array; returns once the outcome is recorded, whether delivered.
     * A batch's {@code webhook-id} is made from its events' ids, so a retry of the same events has the same id; its
     * events are retried one by one on their own schedules, so receivers of batches deduplicate on each event's
     * {@code id}.
     */
    private boolean attempt(WebhookEndpoint endpoint, List<Delivery> deliveries) {
        Instant started = clock.instant();
        Checked checked = receivers.check(endpoint.url());
        if (checked instanceof Refused refused) {
            failed(endpoint, deliveries, started, null, "not sent: " + refused.reason(), 0, null, true);
            return false;
        }
        Allowed receiver = (Allowed) checked;
        boolean batch = endpoint.batchSize() > 1;
        byte[] body = payloads.render(deliveries, batch);
        String id = batch ? batchId(deliveries) : deliveries.get(0).eventId().toString();
        long timestamp = started.getEpochSecond();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "webhook-id", id,
                "webhook-timestamp", String.valueOf(timestamp), "webhook-signature",
                WebhookSignature.header(endpoint.secrets().signingAt(started), id, timestamp, body));
        long sentAt = System.nanoTime();
        WebhookPoster.Answer response;
        try {
            response = poster.post(receiver, headers, body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception noAnswer) {
            failed(endpoint, deliveries, started, null, describe(noAnswer), millisSince(sentAt), null, true);
            return false;
        }
        int latency = millisSince(sentAt);
        int status = response.status();
        if (status >= 200 && status < 300) {
            Map<Delivery, Attempt> attempts = new LinkedHashMap<>();
            deliveries.forEach(delivery -> attempts.put(delivery, new Attempt(Outcome.DELIVERED, started, null,
                    status, null, latency, response.excerpt())));
            records.delivered(endpoint.id(), attempts);
            return true;
        }
        failed(endpoint, deliveries, started, status, "HTTP " + status, latency, response.excerpt(),
                RetryPolicy.retryable(status));
        return false;
    }

    private static String batchId(List<Delivery> deliveries) {
        String events = deliveries.stream().map(delivery -> delivery.eventId().toString()).sorted()
                .collect(Collectors.joining(","));
        return UUID.nameUUIDFromBytes(events.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void failed(WebhookEndpoint endpoint, List<Delivery> deliveries, Instant started, Integer status,
            String error, int latency, String excerpt, boolean retryable) {
        Instant now = clock.instant();
        Map<Delivery, Attempt> attempts = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            Instant firstAttempt = delivery.firstAttemptAt() == null ? started : delivery.firstAttemptAt();
            Optional<Instant> next = retryable
                    ? retries.nextAttempt(delivery.attempts() + 1, firstAttempt, now)
                    : Optional.empty();
            attempts.put(delivery, new Attempt(next.isPresent() ? Outcome.PENDING : Outcome.FAILED, started,
                    next.orElse(null), status, error, latency, excerpt));
        }
        if (records.failed(endpoint.id(), attempts, now, now.minus(config.disableAfter()),
                "no delivery succeeded for " + config.disableAfter() + "; last: " + error)) {
            Log.warnf("webhook endpoint disabled: endpoint=%s organization=%s last=%s", endpoint.id(),
                    endpoint.organization(), error);
        }
    }

    private static String describe(Exception noAnswer) {
        Throwable cause = noAnswer.getCause() == null ? noAnswer : noAnswer.getCause();
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static int millisSince(long nanos) {
        return (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
