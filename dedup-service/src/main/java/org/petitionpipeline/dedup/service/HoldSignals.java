package org.petitionpipeline.dedup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.petitionpipeline.dedup.config.DedupConfig;
import org.petitionpipeline.kit.input.Cidr;

/**
 * Counts signatures per source (address, network, email domain, petition) in clock-aligned windows of the
 * time intake received them, and says why a signature should be held when a source is over its limit. The
 * first signatures of a burst pass (they could not be told apart yet); ops can invalidate them by criteria.
 */
@ApplicationScoped
public class HoldSignals {

    /** Beyond this many sources in one window (a spoofed-address flood), new sources are not tracked. */
    private static final int MAX_TRACKED_SOURCES = 1_000_000;

    private final long windowMillis;
    private final List<Signal> signals = new ArrayList<>();
    private final TreeMap<Long, Map<String, Integer>> countsByWindow = new TreeMap<>();

    @Inject
    public HoldSignals(DedupConfig config) {
        this(config.holds());
    }

    HoldSignals(DedupConfig.Holds holds) {
        this.windowMillis = holds.window().toMillis();
        Set<String> common = Set.copyOf(holds.commonDomains());
        holds.perAddress().ifPresent(limit -> signals.add(new Signal("address", limit,
                candidate -> Cidr.networkOf(clientIp(candidate), 32, 128).map(Cidr::toString))));
        holds.perNetwork().ifPresent(limit -> signals.add(new Signal("network", limit,
                candidate -> Cidr.networkOf(clientIp(candidate), 24, 64).map(Cidr::toString))));
        holds.perDomain().ifPresent(limit -> signals.add(new Signal("email domain", limit,
                candidate -> Optional.of(candidate.emailDomain()).filter(domain -> !common.contains(domain)))));
        holds.perPetition().ifPresent(limit -> signals.add(new Signal("petition", limit,
                candidate -> Optional.of(candidate.submitted().petitionSlug()))));
    }

    /** Counts the candidate; the reason to hold it when one of its sources is now over its limit. */
    public synchronized Optional<String> count(Candidate candidate, Instant fallbackReceivedAt) {
        if (signals.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> counts = window(candidate.receivedAtOr(fallbackReceivedAt));
        String reason = null;
        for (Signal signal : signals) {
            Optional<String> source = signal.sourceOf().apply(candidate);
            if (source.isEmpty()) {
                continue;
            }
            String key = signal.name() + " " + source.get();
            if (counts.size() >= MAX_TRACKED_SOURCES && !counts.containsKey(key)) {
                continue;
            }
            int count = counts.merge(key, 1, Integer::sum);
            if (count > signal.limit() && reason == null) {
                reason = "more than " + signal.limit() + " signatures from " + signal.name() + " " + source.get()
                        + " within " + windowMillis / 60_000 + " min";
            }
        }
        return Optional.ofNullable(reason);
    }

    /** The counts of the window holding {@code receivedAt}; windows two behind the newest are forgotten. */
    private Map<String, Integer> window(Instant receivedAt) {
        long index = Math.floorDiv(receivedAt.toEpochMilli(), windowMillis);
        Map<String, Integer> counts = countsByWindow.computeIfAbsent(index, newIndex -> new HashMap<>());
        while (countsByWindow.firstKey() < countsByWindow.lastKey() - 1) {
            countsByWindow.pollFirstEntry();
        }
        return counts;
    }

    private static String clientIp(Candidate candidate) {
        return Objects.requireNonNullElse(candidate.request().clientIp(), "");
    }

    private record Signal(String name, int limit, Function<Candidate, Optional<String>> sourceOf) {
    }
}
