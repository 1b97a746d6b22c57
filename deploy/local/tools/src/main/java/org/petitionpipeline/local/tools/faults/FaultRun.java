package org.petitionpipeline.local.tools.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.tools.TopicTail;
import org.petitionpipeline.local.tools.faults.FaultInjector.Injected;
import org.petitionpipeline.local.tools.load.LoadRun.Measured;
import org.petitionpipeline.local.tools.load.LoadRun;
import org.petitionpipeline.local.tools.load.SignatureLoad.Outcome;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * The load tool's traffic through the running pipeline while the faults happen one after another, then the
 * reckoning from the load tool's own list of 202s, the databases, the topics and the mailboxes. {@code
 * ./run-local.sh faults} and the CI test share it.
 */
public final class FaultRun implements AutoCloseable {

    /**
     * @param faults      what was done, in order
     * @param mailDrained whether email finished a receipt for every accepted signature in the time allowed
     */
    public record Findings(Measured load, List<Injected> faults, DedupAudit.Findings dedup, MailAudit mail,
            boolean mailDrained, PoisonRecords.Findings deadLetters) {

        /** Acknowledged submissions without an outcome: in dedup, and on the way to reporting. */
        public long lost() {
            return dedup.withoutOutcome() + load.audit().withoutOutcome();
        }

        /**
         * Submissions with an outcome although intake answered 503 or nothing: it gave up waiting for Kafka, or the
         * connection died, after the record was sent, and the producer delivered it all the same. The signer was
         * told nothing was recorded, yet it counts once. Only as many as such answers can be explained so.
         */
        long recordedThoughNotAcknowledged() {
            return Math.min(load.audit().outcomesWithoutReceipt(), unconfirmed());
        }

        /**
         * Two outcomes for one submission (in dedup or in reporting), outcomes no answer explains, and every
         * signature a public total is off the distinct accepted signatures of its petition in dedup.
         */
        public long doubleCounted() {
            return dedup.withTwoOutcomes() + load.audit().withTwoOutcomes()
                    + Math.max(0, load.audit().outcomesWithoutReceipt() - unconfirmed())
                    + publicTotals().entrySet().stream().mapToLong(total -> Math.abs(total.getValue()
                            - dedup.acceptedByPetition().getOrDefault(total.getKey(), 0L))).sum();
        }

        /** Each petition's public total, as reporting answered it. */
        Map<String, Long> publicTotals() {
            Map<String, Long> totals = new TreeMap<>();
            load.audit().totals().forEach((slug, total) -> totals.put(slug, total[0]));
            return totals;
        }

        private long unconfirmed() {
            return load.intake().count(Outcome.UNAVAILABLE) + load.intake().count(Outcome.IO_ERROR);
        }

        public long doubleMailed() {
            return mail.mailedTwice();
        }

        boolean clean() {
            return load.settled() && mailDrained && lost() == 0 && doubleCounted() == 0 && doubleMailed() == 0
                    && mail.notReceived() == 0 && deadLetters.matches();
        }
    }

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);
    /** Email sent 80 receipts/s on a busy 2-core machine: a backlog of 40,000 after a full run took 8 minutes. */
    private static final Duration MAIL_DRAIN_TIMEOUT = Duration.ofMinutes(20);

    private final LocalPipeline pipeline;
    private final FaultOptions options;
    private final Consumer<String> log;
    private final LoadRun load;
    private final FaultInjector injector;

    public FaultRun(LocalPipeline pipeline, FaultOptions options, Consumer<String> log) {
        this.pipeline = pipeline;
        this.options = options;
        this.log = log;
        this.load = new LoadRun(pipeline, options.load(), log);
        this.injector = new FaultInjector(pipeline, load.slugs().get(0));
    }

    public Findings run() throws Exception {
        load.warmUp(SETTLE_TIMEOUT);
        Instant begin = Instant.now();
        CompletableFuture<Measured> measuring = CompletableFuture.supplyAsync(this::measure, runnable -> {
            Thread loadThread = new Thread(runnable, "fault-run-load");
            loadThread.start();
        });
        Instant lastBack = begin;
        for (Fault fault : options.faults()) {
            waitUntil(lastBack.plus(options.spacing()));
            log.accept("injecting " + fault.option() + ": " + fault.description());
            Injected injected = injector.inject(fault);
            log.accept("%s: back after %.1f s".formatted(fault.option(), injected.secondsDown()));
            lastBack = injected.back();
        }
        log.accept("every fault is over; the load ends in " + options.spacing().toSeconds() + " s");
        load.endLoadIn(options.spacing());
        Measured measured = join(measuring);
        return reckon(measured);
    }

    private Measured measure() {
        try {
            return load.measure(SETTLE_TIMEOUT);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private Findings reckon(Measured measured) throws Exception {
        PostgresServer postgres = pipeline.postgres();
        List<String> topicsRead = new ArrayList<>(PoisonRecords.deadLetterTopics());
        topicsRead.add(Topics.SIGNATURES_REJECTED);
        try (Connection database = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                TopicTail topics = new TopicTail(pipeline.kafkaClientConfig(), topicsRead)) {
            log.accept("waiting for email to finish a receipt for every accepted signature");
            boolean mailDrained = MailAudit.awaitDrained(database, MAIL_DRAIN_TIMEOUT);
            topics.catchUp();
            DedupAudit.Findings dedup = DedupAudit.check(database, topics, load.receipts());
            List<PoisonRecords.Sent> poison = injector.injected().stream().map(Injected::poison)
                    .filter(Objects::nonNull).toList();
            PoisonRecords.Findings deadLetters = PoisonRecords.check(topics, poison);
            log.accept("reading every mailbox of the mail catcher");
            MailAudit mail = MailAudit.check(database, pipeline.mailApi());
            return new Findings(measured, injector.injected(), dedup, mail, mailDrained, deadLetters);
        }
    }

    private static void waitUntil(Instant due) throws InterruptedException {
        long millis = Duration.between(Instant.now(), due).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }

    private static Measured join(CompletableFuture<Measured> measuring) throws Exception {
        try {
            return measuring.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    @Override
    public void close() {
        load.close();
    }
}
