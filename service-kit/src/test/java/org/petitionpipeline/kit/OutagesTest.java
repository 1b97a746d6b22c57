package org.petitionpipeline.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    /** As a repository wraps what the driver threw. */
    private static RuntimeException failed(String sqlState) {
        return new IllegalStateException("could not store a batch", new SQLException("from the driver", sqlState));
    }

    @Test
    void aDeadlockOrASerializationFailureIsTriedAgainButIsNoOutage() {
        for (String state : new String[] {"40P01", "40001"}) {
            assertThat(Outages.isTransient(failed(state))).as(state).isTrue();
            assertThat(Outages.isDatabaseConflict(failed(state))).as(state).isTrue();
            assertThat(Outages.isDatabaseUnavailable(failed(state))).as(state).isFalse();
        }
    }

    @Test
    void aLostConnectionIsAnOutage() {
        assertThat(Outages.isTransient(failed("08006"))).isTrue();
        assertThat(Outages.isDatabaseUnavailable(failed("08006"))).isTrue();
        assertThat(Outages.isDatabaseConflict(failed("08006"))).isFalse();
        assertThat(Outages.isDatabaseUnavailable(failed("57P01"))).isTrue();
    }

    @Test
    void aBrokenConstraintOrABugIsNeither() {
        assertThat(Outages.isTransient(failed("23505"))).isFalse();
        assertThat(Outages.isTransient(failed("40002"))).isFalse();
        assertThat(Outages.isTransient(failed(null))).isFalse();
        assertThat(Outages.isTransient(new IllegalArgumentException("a bug"))).isFalse();
    }
}
