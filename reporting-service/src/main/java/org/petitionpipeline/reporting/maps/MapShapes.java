package org.petitionpipeline.reporting.maps;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outlines the maps are drawn with, read once from the shipped resources (see {@code maps/README.md} for
 * their source, licence and how they were made): countries keyed by ISO 3166-1 alpha-2, US states by ISO 3166-2.
 */
@Startup
@ApplicationScoped
public class MapShapes {

    private static final String COUNTRIES = "/maps/world-countries.tsv";
    private static final String US_STATES = "/maps/us-states.tsv";

    private final ShapeSet countries = read(COUNTRIES);
    private final ShapeSet usStates = read(US_STATES);

    public ShapeSet countries() {
        return countries;
    }

    public ShapeSet usStates() {
        return usStates;
    }

    /* The first line is "viewBox <width> <height>", then one "<code>\t<path data>" per shape. */
    static ShapeSet read(String resource) {
        try (InputStream in = MapShapes.class.getResourceAsStream(resource);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String[] viewBox = lines.readLine().split(" ");
            List<Shape> shapes = lines.lines().filter(line -> !line.isBlank()).map(line -> {
                String[] shape = line.split("\t", 2);
                return new Shape(shape[0], shape[1]);
            }).toList();
            return new ShapeSet(Integer.parseInt(viewBox[1]), Integer.parseInt(viewBox[2]), shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the map shapes " + resource, e);
        }
    }
}
