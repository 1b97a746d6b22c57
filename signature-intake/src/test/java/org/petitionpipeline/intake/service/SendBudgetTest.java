package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendBudgetTest {

    @Test
    void theProducerGivesItsVerdictBeforeTheSignersWaitEnds() {
        Duration ackTimeout = Duration.ofSeconds(8);
        SendBudget budget = SendBudget.within(ackTimeout, 5);

        // a record handed over at the last moment, blocked in send() as long as allowed, then failed at the deadline
        assertThat(SendBudget.START_WINDOW.toMillis() + budget.maxBlockMs() + budget.deliveryTimeoutMs())
                .isLessThan(ackTimeout.toMillis());
        assertThat(budget.deliveryTimeoutMs()).as("what Kafka's producer accepts")
                .isGreaterThanOrEqualTo(5 + budget.requestTimeoutMs());
    }

    @Test
    void aLongerLingerIsTakenFromTheRequestTimeoutNotFromTheSigner() {
        SendBudget budget = SendBudget.within(Duration.ofSeconds(8), 200);

        assertThat(budget.deliveryTimeoutMs()).isEqualTo(SendBudget.within(Duration.ofSeconds(8), 5).deliveryTimeoutMs());
        assertThat(budget.deliveryTimeoutMs()).isGreaterThanOrEqualTo(200 + budget.requestTimeoutMs());
    }

    @Test
    void aWaitTooShortForTheProducerIsRefusedWithTheShortestThatWorks() {
        assertThatThrownBy(() -> SendBudget.within(Duration.ofSeconds(2), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intake.kafka-ack-timeout=PT2S")
                .hasMessageContaining("at least PT3.005S");
        assertThat(SendBudget.within(Duration.ofMillis(3005), 5).requestTimeoutMs()).isEqualTo(1_000);
    }
}
