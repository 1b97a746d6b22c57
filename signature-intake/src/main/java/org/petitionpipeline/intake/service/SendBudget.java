package org.petitionpipeline.intake.service;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How a request's wait for Kafka ({@code intake.kafka-ack-timeout}) is shared out so that the producer gives its
 * verdict on a record before the wait ends. Kafka bounds that verdict: {@code send()} blocks at most
 * {@code max.block.ms} (for metadata or buffer space), then reports success or failure within
 * {@code delivery.timeout.ms}. A record is handed to the producer only within {@link #START_WINDOW} of the request,
 * and the rest of the wait is the producer's. So a 503 comes after the producer gave the record up, and it does
 * not deliver the record later behind the signer's back (as it could when the producer had 15 s and the signer 5).
 */
record SendBudget(int maxBlockMs, int deliveryTimeoutMs, int requestTimeoutMs) {

    /** The longest a record waits for intake's sender thread; one that waited longer is not sent at all. */
    static final Duration START_WINDOW = Duration.ofMillis(500);
    private static final int MAX_BLOCK_MS = 1_000;
    // the verdict's way back to the request's thread, and the producer noticing an expired batch a little late
    private static final Duration REPLY_MARGIN = Duration.ofMillis(500);
    // shorter, a produce request that waits for every in-sync replica under load would time out with nothing wrong
    private static final int MIN_REQUEST_TIMEOUT_MS = 1_000;

    static SendBudget within(Duration ackTimeout, int lingerMs) {
        long deliveryMs = ackTimeout.minus(START_WINDOW).minus(REPLY_MARGIN).toMillis() - MAX_BLOCK_MS;
        // Kafka refuses a delivery timeout shorter than linger.ms + request.timeout.ms
        long requestMs = deliveryMs - lingerMs;
        if (requestMs < MIN_REQUEST_TIMEOUT_MS) {
            throw new IllegalArgumentException("intake.kafka-ack-timeout=" + ackTimeout + " leaves Kafka's producer "
                    + requestMs + " ms per request after intake.producer.linger-ms=" + lingerMs + "; set it to at least "
                    + ackTimeout.plusMillis(MIN_REQUEST_TIMEOUT_MS - requestMs));
        }
        return new SendBudget(MAX_BLOCK_MS, Math.toIntExact(deliveryMs), Math.toIntExact(requestMs));
    }

    Map<String, Object> producerSettings() {
        return Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
    }
}
