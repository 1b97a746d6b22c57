package org.petitionpipeline.local.tools.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.faults.FaultInjector.Injected;
import org.petitionpipeline.local.tools.load.LoadTimeline;
import org.petitionpipeline.local.tools.load.PipelineProgress.Sample;
import org.petitionpipeline.local.tools.load.SignatureLoad;

/**
 * How long the pipeline took to recover from a fault: from the fault until the stage it hit was working at half
 * its pace before the fault again, in the first second that began after what was stopped was back. Half, not all:
 * a stage catching up runs faster than before, one starting cold (JIT, connections) slower for a while. Read from
 * intake's answers per second and dedup's, reporting's and email's progress per second.
 */
final class FaultRecovery {

    /** The pace before a fault is its average over this many seconds before it. */
    private static final double BEFORE_SECONDS = 10;
    private static final double RECOVERED_SHARE = 0.5;

    /** One reading of a stage's pace, from and to in seconds since the load began. */
    private record Interval(double from, double to, double perSecond) {
    }

    private final SignatureLoad.Result intake;
    private final List<Sample> progress;

    FaultRecovery(SignatureLoad.Result intake, List<Sample> progress) {
        this.intake = intake;
        this.progress = progress;
    }

    /** Seconds from the fault to its recovery; empty for a fault that stops nothing, or one never recovered from. */
    OptionalDouble seconds(Injected fault) {
        if (fault.fault().pacedBy().isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Interval> pace = pace(fault.fault().pacedBy().get());
        double injected = sinceLoadBegan(fault.injected().toEpochMilli());
        double back = sinceLoadBegan(fault.back().toEpochMilli());
        double before = pace.stream().filter(i -> i.to() <= injected && i.from() >= injected - BEFORE_SECONDS)
                .mapToDouble(Interval::perSecond).average().orElse(0);
        return pace.stream().filter(i -> i.from() >= back && i.perSecond() > 0
                        && i.perSecond() >= RECOVERED_SHARE * before)
                .mapToDouble(i -> i.to() - injected).findFirst();
    }

    /** Seconds since the load began; the progress watch starts a few milliseconds before the load, as good as the same. */
    double sinceLoadBegan(long epochMillis) {
        return (epochMillis - intake.beginEpochMicros() / 1000) / 1000.0;
    }

    private List<Interval> pace(PipelineService stage) {
        return switch (stage) {
            case INTAKE -> acknowledgments();
            case DEDUP -> progress(sample -> sample.accepted() + sample.rejected());
            case REPORTING -> progress(Sample::counted);
            case EMAIL -> progress(Sample::mailed);
        };
    }

    private List<Interval> acknowledgments() {
        List<LoadTimeline.Second> seconds = intake.timeline().seconds();
        List<Interval> pace = new ArrayList<>();
        for (int second = 0; second < seconds.size(); second++) {
            pace.add(new Interval(second, second + 1, seconds.get(second).accepted()));
        }
        return pace;
    }

    private List<Interval> progress(ToLongFunction<Sample> count) {
        List<Interval> pace = new ArrayList<>();
        for (int i = 1; i < progress.size(); i++) {
            Sample from = progress.get(i - 1);
            Sample to = progress.get(i);
            pace.add(new Interval(from.second(), to.second(),
                    (count.applyAsLong(to) - count.applyAsLong(from)) / (to.second() - from.second())));
        }
        return pace;
    }
}
