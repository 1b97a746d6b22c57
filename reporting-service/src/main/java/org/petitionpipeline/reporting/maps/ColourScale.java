package org.petitionpipeline.reporting.maps;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequential scale of up to five classes from ColorBrewer's YlGnBu, a scheme ColorBrewer marks safe for colour
 * blindness: light yellow for few signatures to dark blue for the most. The class limits grow geometrically from the
 * lowest count on the map to the highest, because signatures pile up in a few places: with equal steps almost every
 * place would share the lightest colour, and from 1 a map of thousands in every place would be all the darkest. The
 * first class starts at 1 all the same, so that every count has a class. Places without signatures are grey, outside
 * the scale.
 */
public final class ColourScale {

    public static final String NONE = "#e3e3e3";
    private static final String[] YL_GN_BU = {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"};

    private final List<LegendEntry> classes;

    private ColourScale(List<LegendEntry> classes) {
        this.classes = classes;
    }

    /** The scale for a map whose places have from {@code lowest} to {@code highest} signatures (none: 0 and 0). */
    public static ColourScale between(long lowest, long highest) {
        long top = Math.max(highest, 1);
        long bottom = Math.max(Math.min(lowest, top), 1);
        int wanted = (int) Math.min(YL_GN_BU.length, top - bottom + 1);
        List<Long> uppers = new ArrayList<>();
        for (int i = 1; i <= wanted; i++) {
            long upper = i == wanted ? top : Math.round(bottom * Math.pow((double) top / bottom, (double) i / wanted));
            if (uppers.isEmpty() || upper > uppers.get(uppers.size() - 1)) {
                uppers.add(upper);
            }
        }
        List<LegendEntry> classes = new ArrayList<>();
        long lower = 1;
        for (int i = 0; i < uppers.size(); i++) {
            long upper = uppers.get(i);
            String label = lower == upper ? String.format("%,d", upper) : String.format("%,d–%,d", lower, upper);
            classes.add(new LegendEntry(label, YL_GN_BU[colourIndex(i, uppers.size())], lower, upper));
            lower = upper + 1;
        }
        return new ColourScale(classes);
    }

    /* fewer classes than colours spread over the whole scheme, so that the top class is always the darkest */
    private static int colourIndex(int classIndex, int classCount) {
        return classCount == 1 ? YL_GN_BU.length - 1
                : Math.round((float) classIndex * (YL_GN_BU.length - 1) / (classCount - 1));
    }

    public String colour(long count) {
        return classes.stream().filter(entry -> count >= entry.from() && count <= entry.to()).findFirst()
                .map(LegendEntry::colour).orElse(NONE);
    }

    /** The classes, fewest signatures first. */
    public List<LegendEntry> legend() {
        return classes;
    }

    /** One class of the scale: {@code label} names its counts, {@code from} to {@code to} inclusive. */
    public record LegendEntry(String label, String colour, long from, long to) {
    }
}
