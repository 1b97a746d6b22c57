package org.petitionpipeline.reporting.console;

/** How far a count has come toward a whole, for bars and shares on the console. */
final class Progress {

    private Progress() {
    }

    /** 0 to 100, rounded down; a goal passed shows a full bar. */
    static int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.min(100, Math.max(0, part * 100 / whole));
    }
}
