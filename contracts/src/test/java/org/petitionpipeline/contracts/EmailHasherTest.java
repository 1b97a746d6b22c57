package org.petitionpipeline.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailHasherTest {

    private final EmailHasher hasher = new EmailHasher("a-test-key-of-enough-length");

    @Test
    void sameAddressHashesTheSameAndNeverShowsTheAddress() {
        String hash = hasher.hash("jane@example.org");
        assertThat(hasher.hash("jane@example.org")).isEqualTo(hash);
        assertThat(hash).hasSize(64).doesNotContain("jane").matches("[0-9a-f]+");
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        assertThat(new EmailHasher("another-key-of-enough-length").hash("jane@example.org"))
                .isNotEqualTo(hasher.hash("jane@example.org"));
    }

    @Test
    void shortKeyIsRefused() {
        assertThatThrownBy(() -> new EmailHasher("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
