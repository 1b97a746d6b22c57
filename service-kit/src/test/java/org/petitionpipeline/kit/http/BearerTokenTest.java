package org.petitionpipeline.kit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void aShortOrMissingTokenStopsTheServiceNamingItsVariable() {
        assertThatThrownBy(() -> new BearerToken("EMAIL_WEBHOOK_TOKEN", "fifteen-chars!!", "ops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL_WEBHOOK_TOKEN");
        assertThatThrownBy(() -> new BearerToken("EMAIL_WEBHOOK_TOKEN", null, "ops"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheExactTokenMatches() {
        BearerToken token = new BearerToken("REPORTING_OPS_TOKEN", "sixteen-chars-ok", "ops");
        assertThat(token.matches("sixteen-chars-ok")).isTrue();
        assertThat(token.matches("sixteen-chars-o")).isFalse();
        assertThat(token.matches("sixteen-chars-ok ")).isFalse();
        assertThat(token.matches("SIXTEEN-CHARS-OK")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
