package org.petitionpipeline.dedup.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.Consent;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.RequestFacts;
import org.petitionpipeline.contracts.Signer;
import org.petitionpipeline.contracts.SubmittedSignature;
import org.petitionpipeline.dedup.config.DedupConfig;
import org.petitionpipeline.dedup.repository.HoldCountRepository;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;

/** The counts are in the database: each test's sources are new, so that no other test or run adds to them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class HoldSignalsTest {

    private static final Instant WINDOW_START = Instant.parse("2026-11-23T10:00:00Z");

    @Inject
    HoldCountRepository counts;

    @Inject
    DataSource dataSource;

    private record Holds(Duration window, Optional<Integer> perAddress, Optional<Integer> perNetwork,
            Optional<Integer> perDomain, List<String> commonDomains, Optional<Integer> perPetition)
            implements DedupConfig.Holds {
    }

    private HoldSignals perAddress(int limit) {
        return new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.of(limit), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty()), counts);
    }

    private static Candidate signature(String email, String clientIp, Instant receivedAt) {
        SubmittedSignature submitted = new SubmittedSignature(EventSchema.VERSION, UUID.randomUUID(), "demo", "Demo",
                "hash", new Signer("Pat", "Doe", email, null, null), null, new Consent(false, "v1", "en"),
                new RequestFacts(receivedAt, clientIp, "test", null), false);
        return new Candidate(submitted, email, "hash-" + email, null, null, null);
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String newIpv6Network() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(1, 0x10000)) + ":"
                + Integer.toHexString(random.nextInt(1, 0x10000)) + ":";
    }

    @Test
    void twoInstancesHoldWhatTheyReceiveTogetherOverTheLimit() {
        HoldSignals first = perAddress(3);
        HoldSignals second = perAddress(3);
        String address = newAddress();

        assertThat(first.count(List.of(signature("a@x.org", address, WINDOW_START),
                signature("b@x.org", address, WINDOW_START)), WINDOW_START)).containsOnly(Optional.empty());
        assertThat(second.count(List.of(signature("c@x.org", address, WINDOW_START),
                signature("d@x.org", address, WINDOW_START), signature("e@x.org", address, WINDOW_START)),
                WINDOW_START)).satisfiesExactly(
                        third -> assertThat(third).isEmpty(),
                        fourth -> assertThat(fourth).hasValue("more than 3 signatures from address " + address
                                + "/32 within 10 min"),
                        fifth -> assertThat(fifth).isPresent());
        assertThat(first.count(List.of(signature("f@x.org", address, WINDOW_START)), WINDOW_START))
                .singleElement().satisfies(sixth -> assertThat(sixth).isPresent());
    }

    @Test
    void anIpv6HomeIsOneNetworkWhateverAddressItTakes() {
        HoldSignals signals = new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.empty(), Optional.of(2),
                Optional.empty(), List.of(), Optional.empty()), counts);
        String home = newIpv6Network();
        String neighbour = newIpv6Network();

        assertThat(signals.count(List.of(signature("a@x.org", home + ":1", WINDOW_START),
                signature("b@x.org", home + ":ffff", WINDOW_START),
                signature("c@x.org", home + "aaaa::9", WINDOW_START),
                signature("d@x.org", neighbour + ":1", WINDOW_START)), WINDOW_START)).satisfiesExactly(
                        a -> assertThat(a).isEmpty(),
                        b -> assertThat(b).isEmpty(),
                        c -> assertThat(c).hasValueSatisfying(reason -> assertThat(reason)
                                .contains("network " + home + "0:0:0:0/64")),
                        d -> assertThat(d).isEmpty());
    }

    @Test
    void theNextWindowStartsFromZeroAndALateBacklogIsNotABurst() {
        HoldSignals signals = perAddress(1);
        String address = newAddress();
        Instant processedMuchLater = WINDOW_START.plus(Duration.ofHours(2));

        assertThat(signals.count(List.of(signature("a@x.org", address, WINDOW_START),
                signature("b@x.org", address, WINDOW_START.plusSeconds(599)),
                signature("c@x.org", address, WINDOW_START.plusSeconds(600))), processedMuchLater))
                .extracting(Optional::isPresent).containsExactly(false, true, false);
    }

    @Test
    void theWindowsTwoBehindTheNewestAreDeleted() throws SQLException {
        HoldSignals signals = perAddress(1);
        String address = newAddress();
        Instant later = WINDOW_START.plus(Duration.ofMinutes(10));

        signals.count(List.of(signature("a@x.org", address, WINDOW_START)), WINDOW_START);
        signals.count(List.of(signature("b@x.org", address, later)), later);
        assertThat(storedCount(address, WINDOW_START)).hasValue(1);

        Instant twoLater = WINDOW_START.plus(Duration.ofMinutes(20));
        signals.count(List.of(signature("c@x.org", address, twoLater)), twoLater);
        assertThat(storedCount(address, WINDOW_START)).isEmpty();
        assertThat(storedCount(address, later)).hasValue(1);
    }

    @Test
    void commonProvidersAndUnknownAddressesAreNotSources() {
        HoldSignals signals = new HoldSignals(new Holds(Duration.ofMinutes(10), Optional.of(1), Optional.empty(),
                Optional.of(1), List.of("gmail.com"), Optional.empty()), counts);
        String domain = "small-" + UUID.randomUUID() + ".example";

        for (int person = 0; person < 5; person++) {
            assertThat(signals.count(List.of(signature("p" + person + "@gmail.com", null, WINDOW_START)), WINDOW_START))
                    .containsOnly(Optional.empty());
        }
        assertThat(signals.count(List.of(signature("a@" + domain, newAddress(), WINDOW_START),
                signature("b@" + domain, newAddress(), WINDOW_START)), WINDOW_START)).satisfiesExactly(
                        a -> assertThat(a).isEmpty(),
                        b -> assertThat(b).hasValueSatisfying(reason -> assertThat(reason)
                                .contains("email domain " + domain)));
    }

    private Optional<Integer> storedCount(String address, Instant windowStart) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count from dedup.hold_count where source = ? and window_start = ?")) {
            query.setString(1, "address " + address + "/32");
            query.setTimestamp(2, Timestamp.from(windowStart));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }
}
