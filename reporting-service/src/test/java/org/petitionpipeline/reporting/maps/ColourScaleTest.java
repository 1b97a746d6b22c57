package org.petitionpipeline.reporting.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColourScaleTest {

    @Test
    void classesGrowGeometricallyUpToTheHighestCount() {
        ColourScale scale = ColourScale.between(1, 12);

        assertThat(scale.legend()).extracting(ColourScale.LegendEntry::label)
                .containsExactly("1–2", "3", "4", "5–7", "8–12");
        assertThat(scale.legend()).extracting(ColourScale.LegendEntry::colour)
                .containsExactly("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494");
    }

    @Test
    void placesWithThousandsEachAreToldApartByStartingFromTheLowest() {
        ColourScale scale = ColourScale.between(5_000, 15_000);

        assertThat(scale.legend()).extracting(ColourScale.LegendEntry::label)
                .containsExactly("1–6,229", "6,230–7,759", "7,760–9,666", "9,667–12,041", "12,042–15,000");
        assertThat(scale.colour(5_000)).isEqualTo("#ffffcc");
        assertThat(scale.colour(10_000)).isEqualTo("#2c7fb8");
        assertThat(scale.colour(15_000)).isEqualTo("#253494");
    }

    @Test
    void everyCountFromOneToTheHighestHasExactlyOneClass() {
        for (long highest : List.of(1L, 2L, 3L, 7L, 100L, 1_000_000L)) {
            ColourScale scale = ColourScale.between(highest / 3, highest);
            List<ColourScale.LegendEntry> legend = scale.legend();
            assertThat(legend.get(0).from()).isEqualTo(1);
            assertThat(legend.get(legend.size() - 1).to()).isEqualTo(highest);
            for (int i = 1; i < legend.size(); i++) {
                assertThat(legend.get(i).from()).as("classes of %d", highest).isEqualTo(legend.get(i - 1).to() + 1);
            }
        }
    }

    @Test
    void fewCountsUseTheEndsOfTheSchemeSoTheMostIsAlwaysTheDarkest() {
        assertThat(ColourScale.between(1, 1).legend())
                .extracting(ColourScale.LegendEntry::label, ColourScale.LegendEntry::colour)
                .containsExactly(tuple("1", "#253494"));
        assertThat(ColourScale.between(1, 2).legend()).extracting(ColourScale.LegendEntry::colour)
                .containsExactly("#ffffcc", "#253494");
    }

    @Test
    void noSignaturesIsGreyOutsideTheScale() {
        ColourScale scale = ColourScale.between(3, 40);

        assertThat(scale.colour(0)).isEqualTo(ColourScale.NONE);
        assertThat(scale.colour(40)).isEqualTo("#253494");
        assertThat(scale.legend()).extracting(ColourScale.LegendEntry::colour).doesNotContain(ColourScale.NONE);
    }
}
