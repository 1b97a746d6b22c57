package org.petitionpipeline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.intake.IntakeFixtures;

class EmbeddingOriginsTest {

    private static final PetitionDefinition ANYWHERE = IntakeFixtures.petition("a", PetitionStatus.OPEN);
    private static final PetitionDefinition PARTNER_ONLY = IntakeFixtures.petition("p", PetitionStatus.OPEN, List.of(),
            List.of("https://partner.example"));

    @Test
    void aWildcardAllowsEveryPageForPetitionsWithoutAList() {
        EmbeddingOrigins origins = new EmbeddingOrigins(List.of("*"));

        assertThat(origins.allows("https://blog.example", ANYWHERE)).isTrue();
        assertThat(origins.allows("https://blog.example", PARTNER_ONLY)).isFalse();
        assertThat(origins.allows("HTTPS://Partner.Example/", PARTNER_ONLY)).as("origins compare case-insensitively")
                .isTrue();
    }

    @Test
    void aGlobalListAppliesToEveryPetitionAndWithoutAWildcardNothingElse() {
        EmbeddingOrigins origins = new EmbeddingOrigins(List.of("https://campaign.example"));

        assertThat(origins.allows("https://campaign.example", PARTNER_ONLY)).isTrue();
        assertThat(origins.allows("https://blog.example", ANYWHERE)).isFalse();
    }

    @Test
    void aRequestWithoutAnOriginIsNotABrowserOnSomeonesPage() {
        assertThat(new EmbeddingOrigins(List.of()).allows(null, PARTNER_ONLY)).isTrue();
    }
}
