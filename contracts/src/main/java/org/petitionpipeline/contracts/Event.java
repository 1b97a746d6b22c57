package org.petitionpipeline.contracts;

import java.util.Optional;

/** An event on a pipeline topic that a consumer can check before it acts on it. */
public interface Event {

    int schemaVersion();

    /**
     * Why a consumer cannot act on this event (a newer schema, a missing field), or empty when it can. A
     * defective event goes to the dead-letter topic instead of failing its whole batch forever.
     */
    Optional<String> defect();

    /** The first defect among: a schema newer than this code knows, then each named field that is null. */
    static Optional<String> defectOf(Event event, Object... namesAndValues) {
        if (event.schemaVersion() > EventSchema.VERSION) {
            return Optional.of("schema_version " + event.schemaVersion() + " is newer than this consumer's "
                    + EventSchema.VERSION);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                return Optional.of("missing " + namesAndValues[i]);
            }
        }
        return Optional.empty();
    }
}
