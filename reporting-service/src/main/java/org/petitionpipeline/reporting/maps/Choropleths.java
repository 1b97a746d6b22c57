package org.petitionpipeline.reporting.maps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;

/** Colours the shipped maps by a petition's breakdown: signatures by country, and by US state. */
@ApplicationScoped
public class Choropleths {

    /* how many places the text alternative names; the tables beside the map list them all */
    private static final int NAMED_PLACES = 10;

    private final MapShapes shapes;

    public Choropleths(MapShapes shapes) {
        this.shapes = shapes;
    }

    /** @param byCountry signatures keyed by ISO 3166-1 alpha-2, "unknown" and all */
    public Choropleth countries(Map<String, Long> byCountry) {
        return colour("map-countries", "Signatures by country", shapes.countries(), byCountry);
    }

    /** @param byRegion signatures keyed by ISO 3166-2, of which the US states ({@code US-NY}) are on this map */
    public Choropleth usStates(Map<String, Long> byRegion) {
        return colour("map-us-states", "Signatures by US state", shapes.usStates(), byRegion);
    }

    static Choropleth colour(String id, String title, ShapeSet set, Map<String, Long> counts) {
        Map<String, Long> onMap = set.shapes().stream().map(Shape::code).filter(counts::containsKey)
                .collect(Collectors.toMap(code -> code, counts::get, (a, b) -> a));
        LongSummaryStatistics range = onMap.values().stream().mapToLong(Long::longValue).summaryStatistics();
        ColourScale scale = onMap.isEmpty() ? ColourScale.between(0, 0)
                : ColourScale.between(range.getMin(), range.getMax());
        // places with signatures last: drawn over their neighbours, their outline is not covered by another's
        List<Choropleth.FilledShape> filled = set.shapes().stream().map(shape -> {
            long count = onMap.getOrDefault(shape.code(), 0L);
            return new Choropleth.FilledShape(shape, count, count > 0 ? scale.colour(count) : ColourScale.NONE);
        }).sorted(Comparator.comparing(place -> place.count() > 0)).toList();
        return new Choropleth(id, title, describe(title, onMap, counts), set.width(), set.height(), filled,
                scale.legend());
    }

    private static String describe(String title, Map<String, Long> onMap, Map<String, Long> counts) {
        if (onMap.isEmpty()) {
            return title + ": no signatures from a place on this map yet.";
        }
        List<Map.Entry<String, Long>> largest = onMap.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        String named = largest.stream().limit(NAMED_PLACES)
                .map(place -> String.format("%s %,d", place.getKey(), place.getValue()))
                .collect(Collectors.joining(", "));
        String more = largest.size() > NAMED_PLACES ? " and " + (largest.size() - NAMED_PLACES) + " more places" : "";
        long offMap = counts.entrySet().stream().filter(bucket -> !onMap.containsKey(bucket.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        String elsewhere = offMap > 0 ? String.format("; %,d not on this map (unknown or elsewhere)", offMap) : "";
        return title + ", most first: " + named + more + elsewhere + ". The table lists every count.";
    }
}
