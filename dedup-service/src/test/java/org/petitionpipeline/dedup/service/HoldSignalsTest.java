package org.petitionpipeline.dedup.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.config.DedupConfig;

class HoldSignalsTest {

    private static final Instant WINDOW_START = Instant.parse("2026-11-23T10:00:00Z");

    private record Holds(Duration window, Optional<Integer> perAddress, Optional<Integer> perNetwork,
            Optional<Integer> perDomain, List<String> commonDomains, Optional<Integer> perPetition)
            implements DedupConfig.Holds {
    }

    private static Candidate signature(String email, String clientIp, Instant receivedAt) {
        SubmittedSignature submitted = new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), "demo", "Demo",
                "hash", new Signer("Pat", "Doe", email, null, null), null, new Consent(false, "v1"),
                new RequestFacts(receivedAt, clientIp, "test", null), false);
        return new Candidate(submitted, email, "hash-" + email, null, null, null);
    }

    @Test
    void anIpv6HomeIsOneNetworkWhateverAddressItTakes() {
        HoldSignals signals = new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.empty(), Optional.of(2),
                Optional.empty(), List.of(), Optional.empty()));

        assertThat(signals.count(signature("a@x.org", "2001:db8:1:2::1", WINDOW_START), WINDOW_START)).isEmpty();
        assertThat(signals.count(signature("b@x.org", "2001:db8:1:2::ffff", WINDOW_START), WINDOW_START)).isEmpty();
        assertThat(signals.count(signature("c@x.org", "2001:db8:1:2:aaaa::9", WINDOW_START), WINDOW_START))
                .hasValueSatisfying(reason -> assertThat(reason).contains("network 2001:db8:1:2:0:0:0:0/64"));
        assertThat(signals.count(signature("d@x.org", "2001:db8:1:3::1", WINDOW_START), WINDOW_START)).isEmpty();
    }

    @Test
    void theNextWindowStartsFromZeroAndALateBacklogIsNotABurst() {
        HoldSignals signals = new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.of(1), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty()));
        Instant processedMuchLater = WINDOW_START.plus(Duration.ofHours(2));

        assertThat(signals.count(signature("a@x.org", "198.51.100.7", WINDOW_START), processedMuchLater)).isEmpty();
        assertThat(signals.count(signature("b@x.org", "198.51.100.7", WINDOW_START.plusSeconds(599)), processedMuchLater))
                .isPresent();
        assertThat(signals.count(signature("c@x.org", "198.51.100.7", WINDOW_START.plusSeconds(600)), processedMuchLater))
                .isEmpty();
    }

    @Test
    void commonProvidersAndUnknownAddressesAreNotSources() {
        HoldSignals signals = new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.of(1), Optional.empty(),
                Optional.of(1), List.of("gmail.com"), Optional.empty()));

        for (int person = 0; person < 5; person++) {
            assertThat(signals.count(signature("p" + person + "@gmail.com", null, WINDOW_START), WINDOW_START)).isEmpty();
        }
        signals.count(signature("a@small.example", "192.0.2.1", WINDOW_START), WINDOW_START);
        assertThat(signals.count(signature("b@small.example", "192.0.2.2", WINDOW_START), WINDOW_START))
                .hasValueSatisfying(reason -> assertThat(reason).contains("email domain small.example"));
    }
}
