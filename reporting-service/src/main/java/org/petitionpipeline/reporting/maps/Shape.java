package org.petitionpipeline.reporting.maps;

import java.util.ArrayList;
import java.util.List;

/**
 * One place's outline: {@code code} is its ISO code (empty for the few shapes without one, drawn as places without
 * signatures), {@code path} SVG path data of absolute {@code M}, {@code L} and {@code Z} commands only, as the
 * conversion writes it, so that the same outline is drawn in the console's SVG and in a PDF.
 */
public record Shape(String code, String path) {

    /** The outline as closed rings of {@code x0, y0, x1, y1, …}, for drawing it with something other than SVG. */
    public List<float[]> rings() {
        List<float[]> rings = new ArrayList<>();
        for (String ring : path.split("Z")) {
            if (ring.isEmpty()) {
                continue;
            }
            String[] points = ring.substring(1).split("L");
            float[] coordinates = new float[points.length * 2];
            for (int i = 0; i < points.length; i++) {
                String[] xy = points[i].split(",");
                coordinates[2 * i] = Float.parseFloat(xy[0]);
                coordinates[2 * i + 1] = Float.parseFloat(xy[1]);
            }
            rings.add(coordinates);
        }
        return rings;
    }
}
