package org.petitionpipeline.reporting.webhooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant FIRST = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void eachWaitDoublesUpToTheLongestAndIsJitteredToBetweenHalfAndAllOfIt() {
        RetryPolicy midJitter = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                () -> 0.5);
        RetryPolicy mostJitter = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                () -> 0.0);

        assertThat(midJitter.nextAttempt(1, FIRST, FIRST)).contains(FIRST.plusMillis(7_500));
        assertThat(midJitter.nextAttempt(2, FIRST, FIRST)).contains(FIRST.plusSeconds(15));
        assertThat(midJitter.nextAttempt(4, FIRST, FIRST)).contains(FIRST.plusSeconds(60));
        assertThat(midJitter.nextAttempt(30, FIRST, FIRST)).contains(FIRST.plus(Duration.ofMinutes(45)));
        assertThat(mostJitter.nextAttempt(2, FIRST, FIRST)).contains(FIRST.plusSeconds(10));
    }

    @Test
    void noAttemptIsLaterThanTheRetryPeriodAfterTheFirst() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                () -> 0.999_999);
        Instant nearTheEnd = FIRST.plus(Duration.ofHours(23).plusMinutes(50));

        assertThat(policy.nextAttempt(20, FIRST, nearTheEnd)).contains(FIRST.plus(Duration.ofHours(24)));
        assertThat(policy.nextAttempt(21, FIRST, FIRST.plus(Duration.ofHours(24)))).isEmpty();
    }

    @Test
    void timeoutsOf408429And5xxAreRetriedOtherAnswersAreFinal() {
        assertThat(RetryPolicy.retryable(500)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(408)).isTrue();
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(400)).isFalse();
        assertThat(RetryPolicy.retryable(410)).isFalse();
        assertThat(RetryPolicy.retryable(301)).isFalse();
    }
}
