package org.petitionpipeline.testsupport;

import java.time.Instant;
import java.util.List;
import org.petitionpipeline.contracts.EventSchema;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.contracts.PetitionStatus;
import org.petitionpipeline.contracts.PetitionTarget;

/** Petitions as reporting-service publishes them on the catalog topic, for the tests of the services that read it. */
public final class TestPetitions {

    private TestPetitions() {
    }

    /** An open petition with the defaults of a new one, owned by {@code organization}. */
    public static PetitionDefinition open(String slug, String organization) {
        return new PetitionDefinition(EventSchema.VERSION, slug, "Tell the Attorney General: resign", "Text",
                List.of(new PetitionTarget("Office of the AG", "U.S. Attorney General")), 1000, PetitionStatus.OPEN,
                "Email me updates", "v1", List.of(), List.of(), false, false, null, List.of(), Instant.now(), null,
                organization, null, null, null);
    }
}
