package org.petitionpipeline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.petitionpipeline.intake.config.AbuseDefenceConfig;
import org.petitionpipeline.kit.http.Problem;
import org.petitionpipeline.kit.http.ProblemException;
import org.petitionpipeline.kit.input.Cidr;
import org.petitionpipeline.kit.limits.TokenBuckets;

/**
 * Per client IP (a script hammering the endpoint) and per petition and email address (one person resubmitting
 * in a loop). The per-IP burst must stay generous: a whole office or campus signs from behind one NAT address.
 */
@ApplicationScoped
public class RateLimits {

    private static final int MAX_TRACKED_KEYS = 500_000;

    private final TokenBuckets perIp;
    private final TokenBuckets perEmail;
    private final IntakeMetrics metrics;

    public RateLimits(AbuseDefenceConfig config, IntakeMetrics metrics) {
        this.perIp = buckets(config.perIp());
        this.perEmail = buckets(config.perEmail());
        this.metrics = metrics;
    }

    public void takeForClient(String clientIp) {
        require(perIp.take(networkOf(clientIp)), Refusal.RATE_LIMITED_IP,
                "too many requests from your network just now; please try again in a moment");
    }

    public void takeForSigner(String petitionSlug, String emailHash) {
        require(perEmail.take(petitionSlug + ':' + emailHash), Refusal.RATE_LIMITED_EMAIL,
                "this address was just used to sign; please wait a moment before trying again");
    }

    private void require(long retryAfterSeconds, Refusal reason, String detail) {
        if (retryAfterSeconds > 0) {
            metrics.refused(reason);
            throw new ProblemException(Problem.of(429, "Too Many Requests", detail), retryAfterSeconds);
        }
    }

    /**
     * An IPv6 client is given a whole /64 and can take a fresh address for every request, so it is its /64
     * that has a bucket; an IPv4 address is one bucket.
     */
    private static String networkOf(String clientIp) {
        return Cidr.networkOf(clientIp, 32, 64).map(Cidr::toString).orElse(clientIp);
    }

    private static TokenBuckets buckets(AbuseDefenceConfig.RateLimit limit) {
        return new TokenBuckets(limit.burst(), limit.perMinute(), MAX_TRACKED_KEYS, System::nanoTime);
    }
}
