package org.petitionpipeline.testsupport.monitoring;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The metric names a {@code /q/metrics} scrape holds, as PromQL reads them: the sample names, so a timer's
 * {@code _count}, {@code _sum} and {@code _max}, a histogram's {@code _bucket} and a counter's {@code _total} are
 * each a name of their own, exactly as a query writes them.
 */
public final class ExposedMetricNames {

    private ExposedMetricNames() {
    }

    /** The names in Prometheus' text exposition format; comments ({@code # HELP}, {@code # TYPE}) name no sample. */
    public static SortedSet<String> in(String exposition) {
        SortedSet<String> names = new TreeSet<>();
        exposition.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .forEach(sample -> names.add(sample.split("[{\\s]", 2)[0]));
        return names;
    }
}
