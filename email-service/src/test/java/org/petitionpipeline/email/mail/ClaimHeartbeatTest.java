package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.email.config.EmailConfig;

class ClaimHeartbeatTest {

    private static final Duration LIFETIME = Duration.ofSeconds(30);

    @Test
    void aLifetimeTooShortForTheHeartbeatStopsTheServiceAndNamesTheSetting() {
        assertThatThrownBy(() -> new ClaimHeartbeat(withClaimLifetime(Duration.ofSeconds(2))))
                .hasMessageContaining("email.claim-lifetime (EMAIL_CLAIM_LIFETIME) is 2000 ms")
                .hasMessageContaining("set it to 3s or more");
    }

    @Test
    void aKeptClaimIsRenewedEveryThirdOfItsLifetimeUntilClosed() {
        ClaimHeartbeat heartbeat = new ClaimHeartbeat(withClaimLifetime(LIFETIME));
        AtomicInteger renewals = new AtomicInteger();
        Instant kept = Instant.now();
        ClaimHeartbeat.Kept claim = heartbeat.keep(renewals::incrementAndGet);

        heartbeat.renewDue(kept.plusSeconds(5));
        assertThat(renewals).as("just claimed: fresh for a while").hasValue(0);
        heartbeat.renewDue(kept.plusSeconds(11));
        assertThat(renewals).hasValue(1);
        heartbeat.renewDue(kept.plusSeconds(15));
        assertThat(renewals).as("renewed 4 s ago").hasValue(1);
        heartbeat.renewDue(kept.plusSeconds(21));
        assertThat(renewals).hasValue(2);

        claim.close();
        heartbeat.renewDue(kept.plusSeconds(60));
        assertThat(renewals).hasValue(2);
    }

    @Test
    void aRenewalThatFailedIsTriedAgainAtTheNextTick() {
        ClaimHeartbeat heartbeat = new ClaimHeartbeat(withClaimLifetime(LIFETIME));
        AtomicInteger attempts = new AtomicInteger();
        Instant kept = Instant.now();
        heartbeat.keep(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("could not update claimed mail");
            }
        });

        heartbeat.renewDue(kept.plusSeconds(11));
        heartbeat.renewDue(kept.plusSeconds(12));
        assertThat(attempts).hasValue(2);
        heartbeat.renewDue(kept.plusSeconds(13));
        assertThat(attempts).as("renewed at 12 s: next due at 22 s").hasValue(2);
    }

    private static EmailConfig withClaimLifetime(Duration lifetime) {
        return (EmailConfig) Proxy.newProxyInstance(EmailConfig.class.getClassLoader(),
                new Class<?>[] {EmailConfig.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("claimLifetime")) {
                        return lifetime;
                    }
                    throw new UnsupportedOperationException("the heartbeat reads only the claim lifetime");
                });
    }
}
