package org.petitionpipeline.local.tools.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Kind;
import org.petitionpipeline.local.tools.load.SyntheticSigners.Submission;

/**
 * Signs petitions over HTTP with what {@link SyntheticSigners} sends, paced by {@link Pacing}: an open loop on a
 * fixed schedule, or a closed loop as fast as intake answers.
 * <p>
 * Vert.x's HTTP client rather than java.net.http: one event loop drives every connection over a pool of
 * keep-alive sockets, with no thread hand-off per response, so on 2 cores the load generator takes as little as
 * possible from the pipeline; its CPU time is measured and reported all the same. Everything here runs on that
 * one event loop, so the counters, the histograms and the signers need no locking.
 */
public final class SignatureLoad implements AutoCloseable {

    /** A status the load generator saw when no HTTP answer came at all (refused, reset, timed out). */
    static final int NO_ANSWER = 0;
    private static final long TIMEOUT_MS = 30_000;
    private static final Duration BACKLOG_LIMIT = Duration.ofMinutes(10);
    private static final long HISTOGRAM_MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** How intake answered, in the classes that tell different stories: stored, refused, throttled, unavailable. */
    public enum Outcome { ACCEPTED, RATE_LIMITED, UNAVAILABLE, OTHER_CLIENT_ERROR, OTHER_STATUS, IO_ERROR }

    /** A submission intake acknowledged (202), and when the load generator had the answer (epoch µs). */
    public record Receipt(UUID submissionId, String slug, long person, Kind kind, long answeredEpochMicros) {
    }

    /**
     * @param latency    microseconds from each request's start (its scheduled start, in an open loop) to its whole answer
     * @param statuses   answers by HTTP status, {@link #NO_ANSWER} for none
     * @param noAnswer   why requests got no answer, by the client's error, e.g. a timeout or a refused connection
     * @param unexpected answers other than the one the submission's kind calls for (202, or 422 for invalid and bots)
     * @param seconds    from the first request to the last answer
     * @param clientCpu  CPU time the load generator's event loop spent
     * @param beginEpochMicros when the first request was due
     */
    public record Result(Histogram latency, Map<Integer, Long> statuses, Map<String, Long> noAnswer, long unexpected, double seconds, Duration clientCpu,
            LoadTimeline timeline, List<Receipt> receipts, long beginEpochMicros) {

        public long status(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        public long count(Outcome outcome) {
            return statuses.entrySet().stream().filter(answer -> outcomeOf(answer.getKey()) == outcome)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public double acceptedPerSecond() {
            return status(202) / seconds;
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final URI intake;
    private final SyntheticSigners signers;
    private final Pacing pacing;
    /** The run under way; touched only on the event loop. */
    private Run current;

    public SignatureLoad(URI intake, SyntheticSigners signers, Pacing pacing) {
        this.intake = intake;
        this.signers = signers;
        this.pacing = pacing;
        this.client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(pacing.connections()));
    }

    /**
     * Offers load for {@code duration}, then waits for the answers still due: in an open loop that intake could not
     * keep up with, every request scheduled is still sent, however long the backlog takes.
     */
    public Result run(Duration duration) {
        CompletableFuture<Result> done = new CompletableFuture<>();
        vertx.runOnContext(start -> {
            current = new Run(duration, done);
            current.start();
        });
        return done.orTimeout(duration.plus(BACKLOG_LIMIT).toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * Ends the run under way {@code remaining} from now, if it was meant to last longer: a fault run ends its load
     * a while after its last fault, which comes as late as the restarts before it took.
     */
    void endIn(Duration remaining) {
        vertx.runOnContext(end -> current.deadline = Math.min(current.deadline, System.nanoTime() + remaining.toNanos()));
    }

    /** One run's tallies; touched only on the event loop. */
    private final class Run {

        private final Duration duration;
        private final CompletableFuture<Result> done;
        private final Histogram latency = new Histogram(HISTOGRAM_MAX_MICROS, 3);
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private final Map<String, Long> noAnswer = new TreeMap<>();
        private final LoadTimeline timeline = new LoadTimeline();
        private final List<Receipt> receipts = new ArrayList<>();
        /** Scheduled starts of open-loop requests waiting for a connection. */
        private final Deque<Long> waiting = new ArrayDeque<>();
        private long unexpected;
        private long begin;
        private long beginEpochMicros;
        private long deadline;
        private long cpuAtBegin;
        private long scheduled;
        private long inFlight;
        private boolean sending = true;

        Run(Duration duration, CompletableFuture<Result> done) {
            this.duration = duration;
            this.done = done;
        }

        void start() {
            begin = System.nanoTime();
            beginEpochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
            deadline = begin + duration.toNanos();
            cpuAtBegin = THREADS.getCurrentThreadCpuTime();
            if (pacing.isOpenLoop()) {
                vertx.setPeriodic(1, timer -> sendWhatIsDue(timer));
            } else {
                for (int i = 0; i < pacing.connections(); i++) {
                    sign(System.nanoTime());
                }
            }
        }

        /**
         * Every millisecond, the requests whose scheduled start has come, however many that is after a stall. They
         * wait here for a free connection rather than in the client's pool, whose wait times out as an error.
         */
        private void sendWhatIsDue(long timer) {
            long now = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) / pacing.perSecond();
            long due;
            while ((due = begin + scheduled * interval) <= now && due < deadline) {
                scheduled++;
                waiting.add(due);
            }
            sendWaiting();
            if (due >= deadline) {
                vertx.cancelTimer(timer);
                sending = false;
                completeWhenAllAnswered(now);
            }
        }

        private void sendWaiting() {
            while (inFlight < pacing.connections() && !waiting.isEmpty()) {
                sign(waiting.poll());
            }
        }

        private void sign(long start) {
            inFlight++;
            Submission submission = signers.next();
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(intake.getHost())
                    .setPort(intake.getPort()).setURI("/api/petitions/" + submission.slug() + "/signatures")
                    .setTimeout(TIMEOUT_MS).putHeader("Content-Type", "application/json")
                    .putHeader("User-Agent", "petition-load").putHeader("X-Forwarded-For", submission.clientAddress());
            client.request(request)
                    .compose(http -> http.send(submission.json()))
                    .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                    .otherwise(failure -> {
                        noAnswer.merge(failure.getClass().getSimpleName() + ": " + failure.getMessage(), 1L, Long::sum);
                        return new Answer(NO_ANSWER, null);
                    })
                    .onSuccess(answer -> answered(submission, answer, start));
        }

        private void answered(Submission submission, Answer answer, long start) {
            long now = System.nanoTime();
            inFlight--;
            long micros = Math.min(TimeUnit.NANOSECONDS.toMicros(now - start), HISTOGRAM_MAX_MICROS);
            latency.recordValue(micros);
            statuses.merge(answer.status(), 1L, Long::sum);
            boolean asDeserved = answer.status() == submission.kind().expectedStatus;
            timeline.record((int) TimeUnit.NANOSECONDS.toSeconds(now - begin), answer.status() == 202, asDeserved,
                    micros);
            if (!asDeserved) {
                unexpected++;
            }
            if (answer.status() == 202) {
                UUID id = UUID.fromString(answer.body().toJsonObject().getString("submission_id"));
                receipts.add(new Receipt(id, submission.slug(), submission.person(), submission.kind(),
                        beginEpochMicros + TimeUnit.NANOSECONDS.toMicros(now - begin)));
            }
            if (pacing.isOpenLoop()) {
                sendWaiting();
            } else if (now < deadline) {
                sign(now);
            } else {
                sending = false;
            }
            completeWhenAllAnswered(now);
        }

        private void completeWhenAllAnswered(long now) {
            if (!sending && inFlight == 0 && waiting.isEmpty() && !done.isDone()) {
                done.complete(new Result(latency, statuses, noAnswer, unexpected, (now - begin) / 1e9,
                        Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuAtBegin), timeline, receipts,
                        beginEpochMicros));
            }
        }
    }

    private record Answer(int status, Buffer body) {
    }

    static Outcome outcomeOf(int status) {
        return switch (status) {
            case 202 -> Outcome.ACCEPTED;
            case 429 -> Outcome.RATE_LIMITED;
            case 503 -> Outcome.UNAVAILABLE;
            case NO_ANSWER -> Outcome.IO_ERROR;
            default -> status >= 400 && status < 500 ? Outcome.OTHER_CLIENT_ERROR : Outcome.OTHER_STATUS;
        };
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
