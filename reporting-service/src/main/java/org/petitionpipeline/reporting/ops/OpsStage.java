package org.petitionpipeline.reporting.ops;

import java.util.Locale;
import org.petitionpipeline.contracts.Topics;

/**
 * The stages a signature passes, each read as a running count: the end offsets of its topic (records published,
 * a replay counted again), or for {@code COUNTED} the signatures reporting added to totals (each once).
 */
public enum OpsStage {

    SUBMITTED(Topics.SIGNATURES_SUBMITTED),
    ACCEPTED(Topics.SIGNATURES_ACCEPTED),
    REJECTED(Topics.SIGNATURES_REJECTED),
    INVALIDATED(Topics.SIGNATURES_INVALIDATED),
    COUNTED(null);

    private final String topic;

    OpsStage(String topic) {
        this.topic = topic;
    }

    /** The topic whose end offsets count this stage; null for a stage counted in reporting's database. */
    public String topic() {
        return topic;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
