package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpRetriesTest {

    @Test
    void waitDoublesFromThirtySecondsUpToAnHour() {
        assertThat(SmtpRetries.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SmtpRetries.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SmtpRetries.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(SmtpRetries.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(SmtpRetries.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
