package org.petitionpipeline.kit.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (an IP, a petition and email): {@code burst} takes at once, then
 * {@code perMinute} refills. A bucket idle long enough to be full again is forgotten, which is the same as
 * keeping it, so memory follows recent callers only.
 */
public final class TokenBuckets {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(int burst, int perMinute, int maxKeys, LongSupplier nanoClock) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs burst >= 1 and perMinute >= 1");
        }
        this.capacity = burst;
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofNanos((long) Math.ceil(capacity / tokensPerNano)))
                .maximumSize(maxKeys)
                .build();
    }

    /** Takes a token for {@code key}: 0 when it got one, otherwise the whole seconds until one is free. */
    public long take(String key) {
        return buckets.get(key, unused -> new Bucket(capacity, nanoClock.getAsLong())).take(nanoClock.getAsLong());
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano / 1e9));
        }
    }
}
