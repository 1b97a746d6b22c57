package org.petitionpipeline.reporting.maps;

import java.util.List;

/**
 * A map coloured by signatures, ready to draw: each shape with its count and fill, the legend, and
 * {@code description}, the same figures in words for those who cannot see the map.
 */
public record Choropleth(String id, String title, String description, int width, int height,
        List<FilledShape> shapes, List<ColourScale.LegendEntry> legend) {

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** The fill of places without signatures, which the legend shows before the scale's classes. */
    public String noneColour() {
        return ColourScale.NONE;
    }

    /** A place on the map, {@code count} signatures from it, filled with {@code colour}. */
    public record FilledShape(Shape shape, long count, String colour) {
    }
}
