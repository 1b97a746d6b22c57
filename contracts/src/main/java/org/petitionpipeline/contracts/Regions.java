package org.petitionpipeline.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a signer lives, as far as the postal code tells: for a US ZIP code the state, as an ISO 3166-2
 * subdivision ({@code US-DC}), from the shipped {@code us-zip3-states.csv}. Dedup stamps it on each accepted
 * signature (delivery reports break signatures down by it: a senator wants the signers of their state); intake
 * answers it to the embed, which puts the signer's own representatives first on its call step.
 */
public final class Regions {

    private static final String US_ZIP3 = "/us-zip3-states.csv";

    private static final String[] STATE_BY_ZIP3 = readZip3Table();

    private static final Set<String> KNOWN = Arrays.stream(STATE_BY_ZIP3).filter(Objects::nonNull)
            .map(state -> "US-" + state).collect(Collectors.toUnmodifiableSet());

    private Regions() {
    }

    /** @param postalCode already checked against the country's format */
    public static Optional<String> regionOf(String country, String postalCode) {
        if (!"US".equals(country) || postalCode == null) {
            return Optional.empty();
        }
        String state = STATE_BY_ZIP3[Integer.parseInt(postalCode.substring(0, 3))];
        return state == null ? Optional.empty() : Optional.of("US-" + state);
    }

    /** Whether {@link #regionOf} can answer this region: what a client may send back as its signer's region. */
    public static boolean isKnown(String region) {
        return region != null && KNOWN.contains(region);
    }

    private static String[] readZip3Table() {
        String[] stateByZip3 = new String[1000];
        try (InputStream csv = Regions.class.getResourceAsStream(US_ZIP3);
                BufferedReader lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                String[] range = line.split(",");
                for (int zip3 = Integer.parseInt(range[0]); zip3 <= Integer.parseInt(range[1]); zip3++) {
                    stateByZip3[zip3] = range[2].strip();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + US_ZIP3, e);
        }
        return stateByZip3;
    }
}
