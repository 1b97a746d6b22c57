package org.petitionpipeline.reporting.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoroplethsTest {

    private final Choropleths choropleths = new Choropleths(new MapShapes());

    @Test
    void theShippedShapesAreKeyedByTheCodesThePipelineStores() {
        MapShapes shapes = new MapShapes();
        List<String> countries = shapes.countries().shapes().stream().map(Shape::code)
                .filter(code -> !code.isEmpty()).toList();
        assertThat(countries).hasSize(174).doesNotHaveDuplicates()
                .allMatch(Set.of(Locale.getISOCountries())::contains).contains("US", "GB", "FR", "BR", "IN");
        List<String> states = shapes.usStates().shapes().stream().map(Shape::code).toList();
        assertThat(states).hasSize(50).doesNotHaveDuplicates().allMatch(code -> code.matches("US-[A-Z]{2}"))
                .contains("US-NY", "US-CA", "US-AK", "US-HI");
    }

    @Test
    void eachCountryIsFilledByItsCountAndTheTextSaysTheSame() {
        Map<String, Long> byCountry = new LinkedHashMap<>();
        byCountry.put("US", 9L);
        byCountry.put("GB", 3L);
        byCountry.put("unknown", 2L);

        Choropleth map = choropleths.countries(byCountry);

        assertThat(fillOf(map, "US")).isEqualTo("#253494");
        assertThat(fillOf(map, "GB")).isNotIn("#253494", ColourScale.NONE);
        assertThat(fillOf(map, "FR")).isEqualTo(ColourScale.NONE);
        assertThat(map.shapes()).filteredOn(place -> place.shape().code().equals("US"))
                .extracting(Choropleth.FilledShape::count).containsExactly(9L);
        assertThat(map.shapes().subList(map.shapes().size() - 2, map.shapes().size()))
                .as("places with signatures drawn last").extracting(place -> place.shape().code())
                .containsExactlyInAnyOrder("US", "GB");
        assertThat(map.description()).isEqualTo("Signatures by country, most first: US 9, GB 3; "
                + "2 not on this map (unknown or elsewhere). The table lists every count.");
    }

    @Test
    void theStatesMapTakesTheUsRegionsOfTheBreakdownOnly() {
        Choropleth map = choropleths.usStates(Map.of("US-NY", 4L, "US-CA", 1L, "GB-ENG", 7L));

        assertThat(fillOf(map, "US-NY")).isEqualTo("#253494");
        assertThat(fillOf(map, "US-TX")).isEqualTo(ColourScale.NONE);
        assertThat(map.legend()).extracting(ColourScale.LegendEntry::to).endsWith(4L);
        assertThat(map.description()).startsWith("Signatures by US state, most first: US-NY 4, US-CA 1;")
                .contains("7 not on this map");
    }

    @Test
    void aMapWithoutSignaturesSaysSo() {
        Choropleth map = choropleths.usStates(Map.of());

        assertThat(map.shapes()).extracting(Choropleth.FilledShape::colour).containsOnly(ColourScale.NONE);
        assertThat(map.description()).isEqualTo("Signatures by US state: no signatures from a place on this map yet.");
    }

    @Test
    void anOutlineReadsBackAsClosedRingsOfPoints() {
        List<float[]> rings = new Shape("XX", "M1,2L3,4L5,6ZM7,8L9,10L11,12Z").rings();

        assertThat(rings).hasSize(2);
        assertThat(rings.get(1)).containsExactly(7, 8, 9, 10, 11, 12);
    }

    private static String fillOf(Choropleth map, String code) {
        return map.shapes().stream().filter(place -> place.shape().code().equals(code)).findFirst().orElseThrow()
                .colour();
    }
}
