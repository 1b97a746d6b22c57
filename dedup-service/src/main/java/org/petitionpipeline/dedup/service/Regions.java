package org.petitionpipeline.dedup.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a signer lives, as far as the postal code tells: for a US ZIP code the state, as an ISO 3166-2
 * subdivision ({@code US-DC}), from the shipped {@code us-zip3-states.csv}. Delivery reports break signatures
 * down by it: a senator wants the signers of their state.
 */
@Startup
@ApplicationScoped
public class Regions {

    private static final String US_ZIP3 = "/us-zip3-states.csv";

    private final String[] stateByZip3 = new String[1000];

    public Regions() {
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
    }

    /** @param postalCode already checked against the country's format */
    public Optional<String> regionOf(String country, String postalCode) {
        if (!"US".equals(country) || postalCode == null) {
            return Optional.empty();
        }
        String state = stateByZip3[Integer.parseInt(postalCode.substring(0, 3))];
        return state == null ? Optional.empty() : Optional.of("US-" + state);
    }
}
