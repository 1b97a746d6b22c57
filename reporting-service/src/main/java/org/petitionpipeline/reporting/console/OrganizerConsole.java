package org.petitionpipeline.reporting.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.petitionpipeline.contracts.PetitionDefinition;
import org.petitionpipeline.reporting.calls.CallCountRepository;
import org.petitionpipeline.reporting.calls.PetitionCalls;
import org.petitionpipeline.reporting.counting.BreakdownRepository;
import org.petitionpipeline.reporting.counting.PetitionBreakdown;
import org.petitionpipeline.reporting.counting.PetitionStats;
import org.petitionpipeline.reporting.counting.PetitionTotal;
import org.petitionpipeline.reporting.counting.TotalsRepository;
import org.petitionpipeline.reporting.maps.Choropleth;
import org.petitionpipeline.reporting.maps.Choropleths;
import org.petitionpipeline.reporting.milestones.MilestoneRepository;
import org.petitionpipeline.reporting.petitions.PetitionRepository;
import org.petitionpipeline.reporting.retention.PetitionRetention;
import org.petitionpipeline.reporting.retention.RetentionRepository;

/** The organizer console's views, read from the counts the consumers keep: no page scans the signatures. */
@ApplicationScoped
public class OrganizerConsole {

    private final PetitionRepository petitions;
    private final TotalsRepository totals;
    private final BreakdownRepository breakdowns;
    private final MilestoneRepository milestones;
    private final RetentionRepository retention;
    private final CallCountRepository calls;
    private final Choropleths choropleths;
    private final ObjectMapper json;

    public OrganizerConsole(PetitionRepository petitions, TotalsRepository totals, BreakdownRepository breakdowns,
            MilestoneRepository milestones, RetentionRepository retention, CallCountRepository calls,
            Choropleths choropleths, ObjectMapper json) {
        this.petitions = petitions;
        this.totals = totals;
        this.breakdowns = breakdowns;
        this.milestones = milestones;
        this.retention = retention;
        this.calls = calls;
        this.choropleths = choropleths;
        this.json = json;
    }

    /** These petitions (the ones the console's user may see), with their totals. */
    public List<PetitionRow> petitions(List<PetitionDefinition> shown) {
        Map<String, PetitionTotal> current = totals.findTotals(shown.stream().map(PetitionDefinition::slug).toList());
        List<PetitionRow> rows = new ArrayList<>();
        for (PetitionDefinition petition : shown) {
            PetitionTotal total = current.get(petition.slug());
            rows.add(new PetitionRow(petition.slug(), petition.title(), petition.status(),
                    total == null ? 0 : total.total(), petition.goal()));
        }
        return rows;
    }

    /** Empty when there is no such petition. */
    public Optional<PetitionPage> page(String slug, Instant now) {
        Optional<PetitionDefinition> petition = petitions.findBySlug(slug);
        Optional<PetitionStats> stats = totals.findStats(slug);
        Optional<PetitionBreakdown> breakdown = breakdowns.find(slug);
        Optional<PetitionRetention> retained = retention.find(slug);
        Optional<PetitionCalls> called = calls.find(slug);
        if (petition.isEmpty() || stats.isEmpty() || breakdown.isEmpty() || retained.isEmpty() || called.isEmpty()) {
            return Optional.empty();
        }
        long total = stats.get().total();
        List<CallRow> callRows = called.get().byTarget().entrySet().stream()
                .map(target -> CallRow.of(target.getKey(), target.getValue())).toList();
        return Optional.of(new PetitionPage(petition.get(), retained.get(), stats.get(),
                buckets(breakdown.get().byCountry(), total), buckets(breakdown.get().byRegion(), total),
                maps(breakdown.get()), milestones.findOf(slug), overTimeJson(breakdown.get().byHour(), now),
                called.get().total(), callRows, buckets(calls.byRegion(slug), called.get().total())));
    }

    /** The petition's maps alone, which its page fetches again as the total changes; empty without such a petition. */
    public Optional<List<Choropleth>> maps(String slug) {
        return breakdowns.find(slug).map(this::maps);
    }

    private List<Choropleth> maps(PetitionBreakdown breakdown) {
        return List.of(choropleths.countries(breakdown.byCountry()), choropleths.usStates(breakdown.byRegion()));
    }

    private static List<Bucket> buckets(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(bucket -> new Bucket(bucket.getKey(), bucket.getValue(),
                        Progress.percent(bucket.getValue(), total)))
                .toList();
    }

    private String overTimeJson(Map<String, Long> byHour, Instant now) {
        try {
            return json.writeValueAsString(overTime(byHour, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the signatures over time as JSON", e);
        }
    }

    /**
     * The running total at the end of each hour with signatures (the hour still going ends now), from zero at the
     * start of the first: the hourly breakdown, kept in the counting transaction, read back as a line.
     */
    static List<long[]> overTime(Map<String, Long> byHour, Instant now) {
        List<long[]> points = new ArrayList<>();
        long running = 0;
        for (Map.Entry<String, Long> hour : byHour.entrySet()) {
            Instant start = Instant.parse(hour.getKey());
            if (points.isEmpty()) {
                points.add(new long[] {start.toEpochMilli(), 0});
            }
            running += hour.getValue();
            Instant end = start.plus(Duration.ofHours(1));
            points.add(new long[] {(end.isAfter(now) ? now : end).toEpochMilli(), running});
        }
        return points;
    }
}
