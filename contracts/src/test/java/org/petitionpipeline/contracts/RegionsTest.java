package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void aZipCodeNamesItsState() {
        assertThat(Regions.regionOf("US", "20500")).contains("US-DC");
        assertThat(Regions.regionOf("US", "10001-0001")).contains("US-NY");
        assertThat(Regions.regionOf("US", "90210")).contains("US-CA");
        assertThat(Regions.regionOf("US", "99501")).contains("US-AK");
        assertThat(Regions.regionOf("US", "00601")).contains("US-PR");
    }

    @Test
    void militaryAndUnassignedPrefixesAndOtherCountriesHaveNoRegion() {
        assertThat(Regions.regionOf("US", "09001")).as("APO Europe").isEmpty();
        assertThat(Regions.regionOf("US", "00001")).isEmpty();
        assertThat(Regions.regionOf("DE", "10117")).isEmpty();
        assertThat(Regions.regionOf(null, null)).isEmpty();
    }

    @Test
    void onlyRegionsTheTableNamesAreKnown() {
        assertThat(Regions.isKnown("US-NY")).isTrue();
        assertThat(Regions.isKnown("US-PR")).isTrue();
        assertThat(Regions.isKnown("US-XX")).isFalse();
        assertThat(Regions.isKnown("us-ny")).isFalse();
        assertThat(Regions.isKnown("<script>")).isFalse();
        assertThat(Regions.isKnown(null)).isFalse();
    }
}
