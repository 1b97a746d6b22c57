package org.petitionpipeline.local;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Signs one petition over HTTP with a fixed number of connections, each sending its next signature as soon as
 * the previous one is answered (a closed loop: the rate is what intake sustains, not what was offered). Every
 * request is a new signer, or (a share of {@value #REPEAT_SHARE}) an earlier one again, from a client address
 * of its own in {@code X-Forwarded-For}.
 * <p>
 * Vert.x's HTTP client rather than java.net.http: one event loop drives every connection over a pool of exactly
 * {@code connections} keep-alive sockets, with no thread hand-off per response, so on 2 cores the load generator
 * takes as little as possible from intake and the broker; its CPU time is measured and reported all the same.
 * Everything here runs on that one event loop, so the counters and the histogram need no locking.
 */
final class SignatureLoad implements AutoCloseable {

    static final double REPEAT_SHARE = 0.15;
    private static final long TIMEOUT_MS = 30_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String SIGNATURE = """
            {"person": {"given_name": "Pat", "family_name": "Doe",
                        "email_addresses": [{"address": "person%d@example.org"}],
                        "postal_addresses": [{"postal_code": "20500", "country": "US"}]},
             "comments": "Enough is enough.",
             "consent": {"email_updates": %b},
             "referrer_data": {"source": "embed", "url": "https://news.example/story"}}""";

    /** How intake answered, in the classes that tell different stories: stored, refused, throttled, unavailable. */
    enum Outcome { ACCEPTED, RATE_LIMITED, UNAVAILABLE, OTHER_CLIENT_ERROR, OTHER_STATUS, IO_ERROR }

    /**
     * @param latency microseconds from sending a request to its whole answer
     * @param seconds from the first request to the last answer
     * @param clientCpu CPU time the load generator's event loop spent
     */
    record Result(Histogram latency, Map<Outcome, Long> outcomes, double seconds, Duration clientCpu) {

        long count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        double acceptedPerSecond() {
            return count(Outcome.ACCEPTED) / seconds;
        }
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final RequestOptions request;
    private final int connections;
    private final SplittableRandom random = new SplittableRandom(42);
    private long people;

    SignatureLoad(URI intake, String slug, int connections) {
        this.connections = connections;
        this.client = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(connections));
        this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost(intake.getHost())
                .setPort(intake.getPort()).setURI("/api/petitions/" + slug + "/signatures").setTimeout(TIMEOUT_MS)
                .putHeader("Content-Type", "application/json").putHeader("User-Agent", "intake-bench");
    }

    /** Keeps every connection busy for {@code duration}, then waits for the answers still due. */
    Result run(Duration duration) {
        CompletableFuture<Result> done = new CompletableFuture<>();
        vertx.runOnContext(start -> new Run(System.nanoTime() + duration.toNanos(), done).start());
        return done.orTimeout(duration.toMillis() + 2 * TIMEOUT_MS, TimeUnit.MILLISECONDS).join();
    }

    /** One run's tallies; touched only on the event loop. */
    private final class Run {

        private final long deadline;
        private final CompletableFuture<Result> done;
        // a request times out after TIMEOUT_MS, well within the histogram's minute
        private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        private long begin;
        private long cpuAtBegin;
        private int inFlight;

        Run(long deadline, CompletableFuture<Result> done) {
            this.deadline = deadline;
            this.done = done;
        }

        void start() {
            begin = System.nanoTime();
            cpuAtBegin = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < connections; i++) {
                sign();
            }
        }

        private void sign() {
            inFlight++;
            long sent = System.nanoTime();
            client.request(request)
                    .compose(http -> http.putHeader("X-Forwarded-For", randomClientAddress()).send(nextSignature()))
                    .compose(response -> response.body().map(body -> outcomeOf(response.statusCode())))
                    .otherwise(Outcome.IO_ERROR)
                    .onSuccess(outcome -> answered(outcome, sent));
        }

        private void answered(Outcome outcome, long sent) {
            long now = System.nanoTime();
            inFlight--;
            latency.recordValue(TimeUnit.NANOSECONDS.toMicros(now - sent));
            outcomes.merge(outcome, 1L, Long::sum);
            if (now < deadline) {
                sign();
            } else if (inFlight == 0) {
                done.complete(new Result(latency, outcomes, (now - begin) / 1e9,
                        Duration.ofNanos(THREADS.getCurrentThreadCpuTime() - cpuAtBegin)));
            }
        }
    }

    private String nextSignature() {
        boolean repeat = people > 0 && random.nextDouble() < REPEAT_SHARE;
        long person = repeat ? random.nextLong(people) : people++;
        return SIGNATURE.formatted(person, person % 2 == 0);
    }

    /** A private address per request: rate limits per client address must not throttle a crowd of signers. */
    private String randomClientAddress() {
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Outcome outcomeOf(int status) {
        return switch (status) {
            case 202 -> Outcome.ACCEPTED;
            case 429 -> Outcome.RATE_LIMITED;
            case 503 -> Outcome.UNAVAILABLE;
            default -> status >= 400 && status < 500 ? Outcome.OTHER_CLIENT_ERROR : Outcome.OTHER_STATUS;
        };
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
