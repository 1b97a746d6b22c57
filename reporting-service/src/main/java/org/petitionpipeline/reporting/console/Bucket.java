package org.petitionpipeline.reporting.console;

/** One row of a breakdown table: a country or region, its signatures and their share of the total. */
public record Bucket(String name, long count, int percent) {
}
