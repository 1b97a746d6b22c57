package org.petitionpipeline.kit.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(3, 6, 100, now::get);

    @Test
    void aBurstIsTakenThenTheCallerWaitsForTheRefill() {
        assertThat(buckets.take("ip")).isZero();
        assertThat(buckets.take("ip")).isZero();
        assertThat(buckets.take("ip")).isZero();

        assertThat(buckets.take("ip")).as("6 per minute: one token every 10 s").isEqualTo(10);

        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(buckets.take("ip")).isEqualTo(6);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(buckets.take("ip")).isZero();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("busy");
        }

        assertThat(buckets.take("busy")).isPositive();
        assertThat(buckets.take("quiet")).isZero();
    }

    @Test
    void aLongIdleBucketIsFullAgainButNoFuller() {
        for (int i = 0; i < 3; i++) {
            buckets.take("ip");
        }
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(buckets.take("ip")).isZero();
        assertThat(buckets.take("ip")).isZero();
        assertThat(buckets.take("ip")).isZero();
        assertThat(buckets.take("ip")).isPositive();
    }

    @Test
    void aLimitWithoutTokensIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBuckets(0, 6, 100, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
