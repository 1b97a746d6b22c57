package org.petitionpipeline.reporting.webhooks.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Outgoing webhooks: where they may go, how long a receiver may take, and how failures are retried. */
@ConfigMapping(prefix = "reporting.webhooks")
public interface WebhooksConfig {

    /** Whether endpoint URLs may be plain {@code http} (a local run); otherwise only {@code https}. */
    boolean allowHttp();

    /**
     * Whether endpoints may resolve to private, loopback or link-local addresses (a local run, the tests); otherwise
     * such URLs are refused when configured and deliveries to them fail when DNS has changed since.
     */
    boolean allowPrivateAddresses();

    /** How long connecting to a receiver may take. */
    Duration connectTimeout();

    /** How long a receiver may take to answer once the request is sent. */
    Duration requestTimeout();

    /** Requests one instance has open to one endpoint at once: a slow receiver holds this many, no more. */
    int maxInFlightPerEndpoint();

    /** The largest {@code batch_size} an endpoint may ask for: events per POST in batch mode. */
    int maxBatchSize();

    /** How often due deliveries are looked for. */
    Duration pollInterval();

    /** The wait before the first retry; each next one waits twice as long, with jitter, up to the next bound. */
    Duration firstRetryDelay();

    Duration maxRetryDelay();

    /** How long after its first attempt a delivery is retried; then it has failed for good. */
    Duration retryFor();

    /** An endpoint whose deliveries failed without one success for this long is disabled. */
    Duration disableAfter();

    /** How long a delivered or failed webhook stays in the delivery log; pending ones stay until they end. */
    Duration logKept();

    /** How long the replaced secret keeps signing beside the new one after a rotation. */
    Duration rotationOverlap();
}
