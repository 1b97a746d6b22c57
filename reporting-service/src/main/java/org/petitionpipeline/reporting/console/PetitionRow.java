package org.petitionpipeline.reporting.console;

import org.petitionpipeline.contracts.PetitionStatus;

/** One petition in the organizer console's list. */
public record PetitionRow(String slug, String title, PetitionStatus status, long total, long goal) {

    public int progressPercent() {
        return Progress.percent(total, goal);
    }
}
