package org.petitionpipeline.local.tools.faults;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.faults.FaultInjector.Injected;
import org.petitionpipeline.local.tools.faults.FaultRun.Findings;
import org.petitionpipeline.local.tools.load.LoadReport;
import org.petitionpipeline.local.tools.load.LoadTimeline;
import org.petitionpipeline.local.tools.load.SignatureLoad.Outcome;
import org.petitionpipeline.local.tools.load.SignatureLoad;

/** docs/reliability/faults.md: what a fault run did, how long the pipeline took to recover, and what it lost. */
public final class FaultReport {

    private FaultReport() {
    }

    public static String markdown(FaultOptions options, double loadBefore, Findings findings) {
        SignatureLoad.Result intake = findings.load().intake();
        FaultRecovery recovery = new FaultRecovery(intake, findings.load().progress());
        return """
                # Fault run: the pipeline under load while its parts fail

                Run on %s with `%s`, on this machine (%d cores, Java %s; 1-minute load average %.1f when the run
                began). Everything runs on it: %s, PostgreSQL, the mail catcher and the load generator, so recovery
                times stretch when other work shares the machine.
                %s for %.0f s after %d s of warm-up: the load tool's mix (repeats typed differently, invalid and bot
                submissions). A killed broker and the database stay away %d s each, a broker sent away %d s. A
                service is killed with SIGKILL (no shutdown hook, nothing flushed) and started again at once; with
                several instances, its first one.

                | fault | at (s into the load) | back after (s) | throughput resumed after (s) | measured on | answered as usual while it lasted | 202s until the next fault |
                | --- | --- | --- | --- | --- | --- | --- |
                %s

                *Back after*: until what was stopped was ready again. *Throughput resumed*: until the stage named
                worked at half its pace before the fault again, in a second that began after it was back. *Answered
                as usual*: of intake's answers from the fault until it was over, the share that was what the
                submission deserved (202, or 422 for an invalid one) within %d s.

                | summary | |
                | --- | --- |
                | faults injected | %d |
                | signatures acknowledged (202) | %,d |
                | refused while a part was down (no answer, or 503) | %,d |
                | of those, recorded all the same (intake gave up waiting, the producer delivered later) | %,d |
                | **lost** (acknowledged, no outcome in dedup or in reporting) | **%d** |
                | **double-counted** (two outcomes for one submission, an outcome no answer explains, a public total off its petition's distinct accepted signatures) | **%d** |
                | **double-mailed** (a second receipt in a signer's mailbox for one petition) | **%d** |
                | poison records in the dead-letter topics, expected / found | %d / %d |
                | receipts set aside, not sent again: their sender stopped while handing them to the SMTP server (`UNCERTAIN`, counted in `email_messages_uncertain_total`) / of those, delivered | %d / %d |
                | accepted signatures whose receipt is in no mailbox and was not set aside | %d |

                Answers by status (`0`: no answer at all): %s.%s

                - dedup: %,d acknowledged, %d without a row or a rejection, %d with both.
                - reporting: %s (expected: signers acknowledged with a 202).
                - public total / distinct accepted signatures in dedup: %s.
                - reporting held an outcome for every 202 %s.
                - email: %s; %,d receipts in %,d mailboxes; %d of the second receipts were the same message (same
                  Message-ID) delivered again; %d receipts queued beyond one per signer and petition.
                - dead letters%s.

                Verdict: **%s**.
                """.formatted(LocalDate.now(), options.commandLine(), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, options.topology().describe(),
                LoadReport.capitalized(options.load().pacing().describe()),
                intake.seconds(), options.warmUp().toSeconds(), FaultInjector.OUTAGE.toSeconds(),
                FaultInjector.BROKER_AWAY.toSeconds(),
                rows(findings.faults(), recovery, intake), LoadTimeline.USUAL_BOUND.toSeconds(),
                findings.faults().size(), intake.status(202),
                intake.count(Outcome.IO_ERROR) + intake.count(Outcome.UNAVAILABLE),
                findings.recordedThoughNotAcknowledged(),
                findings.lost(), findings.doubleCounted(), findings.doubleMailed(),
                findings.deadLetters().expected(), findings.deadLetters().found(), findings.mail().setAside(),
                findings.mail().setAsideReceived(), findings.mail().notReceived(),
                intake.statuses(),
                intake.noAnswer().isEmpty() ? "" : " No answer, by the client's error: " + intake.noAnswer() + ".",
                findings.dedup().receipts(), findings.dedup().withoutOutcome(), findings.dedup().withTwoOutcomes(),
                findings.load().audit().describe(),
                findings.publicTotals().entrySet().stream().map(total -> "%s %,d / %,d".formatted(total.getKey(),
                        total.getValue(), findings.dedup().acceptedByPetition().getOrDefault(total.getKey(), 0L)))
                        .collect(Collectors.joining(", ")),
                findings.load().settled() ? "%.1f s after the last answer".formatted(findings.load().settleSeconds())
                        : "**never**: still missing after %.0f s".formatted(findings.load().settleSeconds()),
                findings.mailDrained() ? "every receipt finished" : "**receipts still unfinished** when the run gave up",
                findings.mail().receipts(), findings.mail().mailboxes(), findings.mail().sameMessageTwice(),
                findings.mail().queuedTwice(),
                findings.deadLetters().matches() ? " hold exactly the poison records"
                        : ": **unexpected** " + findings.deadLetters().unexpected() + ", **missing** "
                                + findings.deadLetters().missing(),
                findings.clean() ? "nothing lost, counted twice or mailed twice" : "FAILED");
    }

    private static String rows(List<Injected> faults, FaultRecovery recovery, SignatureLoad.Result intake) {
        List<LoadTimeline.Second> seconds = intake.timeline().seconds();
        return IntStream.range(0, faults.size()).mapToObj(index -> {
            Injected fault = faults.get(index);
            double at = recovery.sinceLoadBegan(fault.injected().toEpochMilli());
            double until = index + 1 < faults.size()
                    ? recovery.sinceLoadBegan(faults.get(index + 1).injected().toEpochMilli()) : seconds.size();
            long acknowledged = seconds.subList(Math.max(0, (int) at), Math.min(seconds.size(), (int) until)).stream()
                    .mapToLong(LoadTimeline.Second::accepted).sum();
            OptionalDouble resumed = recovery.seconds(fault);
            return "| %s | %.1f | %.1f | %s | %s | %s | %,d |".formatted(fault.fault().option(), at, fault.secondsDown(),
                    fault.fault().pacedBy().isEmpty() ? "— (stops nothing)"
                            : resumed.isPresent() ? "%.1f".formatted(resumed.getAsDouble()) : "**not within the run**",
                    fault.fault().pacedBy().map(FaultReport::measuredOn).orElse("—"),
                    asUsual(seconds, at, recovery.sinceLoadBegan(fault.back().toEpochMilli())), acknowledged);
        }).collect(Collectors.joining("\n"));
    }

    /** The share of answers in the seconds from {@code from} to {@code to} that were as usual, e.g. "99.95 %". */
    private static String asUsual(List<LoadTimeline.Second> seconds, double from, double to) {
        List<LoadTimeline.Second> during = seconds.subList(Math.min(seconds.size(), Math.max(0, (int) from)),
                Math.min(seconds.size(), (int) Math.ceil(to)));
        long answered = during.stream().mapToLong(LoadTimeline.Second::answered).sum();
        long asUsual = during.stream().mapToLong(LoadTimeline.Second::asUsual).sum();
        return answered == 0 ? "— (no answers)" : "%.2f %% of %,d".formatted(100.0 * asUsual / answered, answered);
    }

    private static String measuredOn(PipelineService stage) {
        return switch (stage) {
            case INTAKE -> "intake's 202s";
            case DEDUP -> "dedup's outcomes";
            case EMAIL -> "email's sent receipts";
            case REPORTING -> "reporting's count";
        };
    }
}
