package org.petitionpipeline.kit.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;

class PetitionCatalogTest {

    private final PetitionCatalog catalog = new PetitionCatalog();

    @Test
    void tellsHowFarEachPartitionIsAppliedPoisonAndTombstonesIncluded() {
        assertThat(catalog.nextOffset(0)).isZero();

        catalog.apply(record(0, 0, petition("first", "First")));
        catalog.apply(record(0, 1, petition("broken", null)));
        catalog.apply(record(2, 7, petition("second", "Second")));
        catalog.apply(record(2, 8, null));

        assertThat(catalog.nextOffset(0)).isEqualTo(2);
        assertThat(catalog.nextOffset(1)).isZero();
        assertThat(catalog.nextOffset(2)).isEqualTo(9);
        assertThat(catalog.applied()).isEqualTo(4);
        assertThat(catalog.find("first")).isPresent();
        assertThat(catalog.find("broken")).isEmpty();
        assertThat(catalog.find("second")).isEmpty();
    }

    private static ConsumerRecord<String, PetitionDefinition> record(int partition, long offset,
            PetitionDefinition petition) {
        return new ConsumerRecord<>("petitions", partition, offset, "second", petition);
    }

    private static PetitionDefinition petition(String slug, String title) {
        return new PetitionDefinition(EventSchema.VERSION, slug, title, "Text", List.of(), 100, PetitionStatus.OPEN,
                "Email me updates", "v1", List.of(), List.of(), false, false, null, List.of(), null, null, "acme", null, null, null);
    }
}
