package org.petitionpipeline.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aBatchThatLostADeadlockIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();

        TransientFailures.retry(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("could not store a batch",
                        new SQLException("deadlock detected", "40P01"));
            }
        }, Duration.ofSeconds(10));

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aBatchThatBrokeAConstraintIsNot() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> TransientFailures.retry(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("could not store a batch", new SQLException("duplicate key", "23505"));
        }, Duration.ofSeconds(10))).isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
    }
}
