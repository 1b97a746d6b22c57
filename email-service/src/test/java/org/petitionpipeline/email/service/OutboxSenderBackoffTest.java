package org.petitionpipeline.email.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSenderBackoffTest {

    @Test
    void waitDoublesFromThirtySecondsUpToAnHour() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxSender.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(OutboxSender.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxSender.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
