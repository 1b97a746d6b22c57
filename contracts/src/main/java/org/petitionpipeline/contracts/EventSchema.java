package org.petitionpipeline.contracts;

/** The JSON schema version every event carries in its {@code schema_version} field. */
public final class EventSchema {

    /** Bump on an incompatible change; consumers reject versions newer than they know. */
    public static final int VERSION = 1;

    private EventSchema() {
    }
}
