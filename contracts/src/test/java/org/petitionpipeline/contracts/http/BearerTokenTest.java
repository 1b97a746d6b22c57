package org.petitionpipeline.contracts.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void aShortOrMissingTokenStopsTheServiceNamingItsVariable() {
        assertThatThrownBy(() -> new BearerToken("DEDUP_ADMIN_TOKEN", "fifteen-chars!!", "ops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEDUP_ADMIN_TOKEN");
        assertThatThrownBy(() -> new BearerToken("DEDUP_ADMIN_TOKEN", null, "ops"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
