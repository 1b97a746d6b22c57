package org.petitionpipeline.reporting.console;

import java.util.List;
import org.petitionpipeline.contracts.MilestoneReached;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.counting.PetitionStats;
import org.petitionpipeline.reporting.maps.Choropleth;
import org.petitionpipeline.reporting.retention.PetitionRetention;

/**
 * What the organizer console shows of one petition. {@code overTimeJson} is the signatures-over-time series the
 * page's chart draws: {@code [[epoch millis, total], …]}, to which the page adds each live total. {@code retention}
 * says when the signers' personal data will be (or was) anonymized. {@code maps} colour the countries and US states by
 * the same breakdown as {@code countries} and {@code regions}. The calls signers reported come per target and
 * outcome ({@code callRows}) and per caller's region ({@code callRegions}).
 */
public record PetitionPage(PetitionDefinition petition, PetitionRetention retention, PetitionStats stats,
        List<Bucket> countries, List<Bucket> regions, List<Choropleth> maps, List<MilestoneReached> milestones,
        String overTimeJson, long calls, List<CallRow> callRows, List<Bucket> callRegions) {

    public List<String> callOutcomes() {
        return CallRow.OUTCOMES;
    }

    public int progressPercent() {
        return Progress.percent(stats.total(), petition.goal());
    }
}
