package org.petitionpipeline.dedup;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Hold limits a test reaches with a handful of signatures. */
public class LowHoldLimits implements QuarkusTestProfile {

    static final int PER_ADDRESS = 3;
    static final int PER_DOMAIN = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("dedup.holds.per-address", String.valueOf(PER_ADDRESS),
                "dedup.holds.per-domain", String.valueOf(PER_DOMAIN));
    }
}
