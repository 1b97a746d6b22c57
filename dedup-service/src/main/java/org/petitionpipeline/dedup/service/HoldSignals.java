package org.petitionpipeline.dedup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.petitionpipeline.dedup.config.DedupConfig;
import org.petitionpipeline.dedup.repository.HoldCountRepository;
import org.petitionpipeline.dedup.repository.HoldCountRepository.WindowSource;
import org.petitionpipeline.kit.input.Cidr;

/**
 * Counts signatures per source (address, network, email domain, petition) in clock-aligned windows of the
 * time intake received them, and says why a signature should be held when a source is over its limit. The
 * first signatures of a burst pass (they could not be told apart yet); ops can invalidate them by criteria.
 * The counts are in PostgreSQL: partitions are keyed by person, so every instance sees part of any source, and
 * only the sum of their counts tells a burst.
 */
@ApplicationScoped
public class HoldSignals {

    private final long windowMillis;
    private final List<Signal> signals = new ArrayList<>();
    private final HoldCountRepository counts;
    /** The newest window this instance counted in: when a newer one starts, it deletes the windows behind. */
    private final AtomicLong newestWindow = new AtomicLong(Long.MIN_VALUE);

    @Inject
    public HoldSignals(DedupConfig config, HoldCountRepository counts) {
        this(config.holds(), counts);
    }

    HoldSignals(DedupConfig.Holds holds, HoldCountRepository counts) {
        this.windowMillis = holds.window().toMillis();
        this.counts = counts;
        Set<String> common = Set.copyOf(holds.commonDomains());
        holds.perAddress().ifPresent(limit -> signals.add(new Signal("address", limit,
                candidate -> Cidr.networkOf(clientIp(candidate), 32, 128).map(Cidr::toString))));
        holds.perNetwork().ifPresent(limit -> signals.add(new Signal("network", limit,
                candidate -> Cidr.networkOf(clientIp(candidate), 24, 64).map(Cidr::toString))));
        holds.perDomain().ifPresent(limit -> signals.add(new Signal("email domain", limit,
                candidate -> candidate.emailDomain().filter(domain -> !common.contains(domain)))));
        holds.perPetition().ifPresent(limit -> signals.add(new Signal("petition", limit,
                candidate -> Optional.of(candidate.submitted().petitionSlug()))));
    }

    /**
     * Counts the candidates, in order, after all that every instance counted before, and tells for each the
     * reason to hold it: one of its sources is over its limit at its place in the count. So the first
     * {@code limit} of a source in a window pass, and the rest are held, however the batches were shared out.
     */
    public List<Optional<String>> count(List<Candidate> candidates, Instant fallbackReceivedAt) {
        if (signals.isEmpty()) {
            return Collections.nCopies(candidates.size(), Optional.empty());
        }
        Map<WindowSource, Integer> inBatch = new HashMap<>();
        List<List<Sighting>> sightings = new ArrayList<>(candidates.size());
        long newest = Long.MIN_VALUE;
        for (Candidate candidate : candidates) {
            Instant windowStart = windowOf(candidate.receivedAtOr(fallbackReceivedAt));
            newest = Math.max(newest, windowStart.toEpochMilli());
            List<Sighting> seen = new ArrayList<>(signals.size());
            for (Signal signal : signals) {
                signal.sourceOf().apply(candidate).ifPresent(source -> {
                    WindowSource key = new WindowSource(windowStart, signal.name() + " " + source);
                    seen.add(new Sighting(signal.limit(), key, inBatch.merge(key, 1, Integer::sum)));
                });
            }
            sightings.add(seen);
        }
        if (inBatch.isEmpty()) {
            return Collections.nCopies(candidates.size(), Optional.empty());
        }
        forgetWindowsBehind(newest);
        Map<WindowSource, Integer> totals = counts.add(inBatch);
        return sightings.stream().map(seen -> seen.stream()
                .filter(sighting -> totals.get(sighting.key()) - inBatch.get(sighting.key()) + sighting.place()
                        > sighting.limit())
                .findFirst().map(this::reason)).toList();
    }

    /** Deletes the counts of the windows before the previous one: what {@link #count} does when a window starts. */
    public void forgetExpiredWindows(Instant now) {
        counts.forgetBefore(windowOf(now).minusMillis(windowMillis));
    }

    private Instant windowOf(Instant receivedAt) {
        return Instant.ofEpochMilli(Math.floorDiv(receivedAt.toEpochMilli(), windowMillis) * windowMillis);
    }

    /**
     * Once a window starts that this instance has not counted in, the windows two behind it are deleted: each
     * instance does it once per window, and a delete that finds nothing costs an index look-up.
     */
    private void forgetWindowsBehind(long newest) {
        if (newestWindow.getAndAccumulate(newest, Math::max) < newest) {
            counts.forgetBefore(Instant.ofEpochMilli(newest - windowMillis));
        }
    }

    private String reason(Sighting sighting) {
        return "more than " + sighting.limit() + " signatures from " + sighting.key().source() + " within "
                + windowMillis / 60_000 + " min";
    }

    private static String clientIp(Candidate candidate) {
        return Objects.requireNonNullElse(candidate.request().clientIp(), "");
    }

    private record Signal(String name, int limit, Function<Candidate, Optional<String>> sourceOf) {
    }

    /** A candidate seen from one of its sources: the {@code place}-th of that source in its batch. */
    private record Sighting(int limit, WindowSource key, int place) {
    }
}
