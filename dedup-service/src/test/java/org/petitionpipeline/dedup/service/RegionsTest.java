package org.petitionpipeline.dedup.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

    private final Regions regions = new Regions();

    @Test
    void aZipCodeNamesItsState() {
        assertThat(regions.regionOf("US", "20500")).contains("US-DC");
        assertThat(regions.regionOf("US", "10001-0001")).contains("US-NY");
        assertThat(regions.regionOf("US", "90210")).contains("US-CA");
        assertThat(regions.regionOf("US", "99501")).contains("US-AK");
        assertThat(regions.regionOf("US", "00601")).contains("US-PR");
    }

    @Test
    void militaryAndUnassignedPrefixesAndOtherCountriesHaveNoRegion() {
        assertThat(regions.regionOf("US", "09001")).as("APO Europe").isEmpty();
        assertThat(regions.regionOf("US", "00001")).isEmpty();
        assertThat(regions.regionOf("DE", "10117")).isEmpty();
        assertThat(regions.regionOf(null, null)).isEmpty();
    }
}
