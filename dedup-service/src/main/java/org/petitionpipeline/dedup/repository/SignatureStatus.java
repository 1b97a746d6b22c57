package org.petitionpipeline.dedup.repository;

import java.util.Locale;

/** Where a stored signature stands; the database holds the lower-case name. */
public enum SignatureStatus {
    /** Counted. */
    ACCEPTED,
    /** Stored, not counted, until ops release or invalidate it. */
    HELD,
    /** Struck out by ops: no longer counted. */
    INVALIDATED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SignatureStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
