package org.petitionpipeline.reporting.maps;

import java.util.List;

/** A map's outlines, already projected into a {@code width} × {@code height} box, y growing downwards as in SVG. */
public record ShapeSet(int width, int height, List<Shape> shapes) {
}
