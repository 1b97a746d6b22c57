package org.petitionpipeline.reporting.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rates per second between two readings of running counts. */
public final class OpsRates {

    private OpsRates() {
    }

    /**
     * Each count's growth per second, for the counts of {@code later}. A count that went down (a topic deleted and
     * made again) or is new since {@code earlier} has no rate to tell and reads 0, never a negative rate.
     */
    public static Map<String, Double> perSecond(Map<String, Long> earlier, Map<String, Long> later, Duration between) {
        double seconds = between.toNanos() / 1e9;
        Map<String, Double> rates = new LinkedHashMap<>();
        later.forEach((name, count) -> {
            Long before = earlier.get(name);
            rates.put(name, before == null || seconds <= 0 ? 0.0 : Math.max(0, count - before) / seconds);
        });
        return rates;
    }
}
