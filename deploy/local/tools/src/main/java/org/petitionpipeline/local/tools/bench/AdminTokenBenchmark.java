package org.petitionpipeline.local.tools.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;

/**
 * {@code ./run-local.sh bench-admin [seconds per round] [connections]}: what checking the caller costs on an admin request.
 * reporting answers the same read ({@code GET /api/admin/petitions/{slug}}) to the deployment's token (a constant-time
 * comparison), a personal API token (a SHA-256 and a row read) and an access token (an RS256 signature check, as email
 * and dedup do for every admin request); the difference in CPU per request is what each check costs. email answers a
 * platform operator's read with an access token, for scale. Kafka, PostgreSQL, reporting and email run.
 */
public final class AdminTokenBenchmark {

    private static final String PETITION = "bench-admin";
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final int ROUNDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminTokenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        LocalPipelineSettings settings = Benchmarks.settings("admin", Map.of());
        try (LocalPipeline pipeline = LocalPipeline.start(settings,
                EnumSet.of(PipelineService.REPORTING, PipelineService.EMAIL), System.out::println)) {
            URI reporting = pipeline.url(PipelineService.REPORTING);
            String deploymentToken = settings.secrets().adminToken();
            String personalToken = organizationOwner(reporting, deploymentToken);
            String petition = reporting.resolve("/api/admin/petitions/" + PETITION).toString();
            Http.postJson(reporting.resolve("/api/admin/petitions"), """
                    {"slug": "%s", "title": "Benchmark", "text": "Read by a load generator.", "organization": "bench",
                     "targets": [{"name": "Nobody", "title": "Test target"}], "goal": 1000}""".formatted(PETITION),
                    personalToken);
            // the access token names the same caller as the deployment token, so the two rows differ by the check
            // alone; each phase buys a fresh one, as a script does every few minutes, and a run may outlast one
            Supplier<String> accessToken = () -> pipeline.accessToken(deploymentToken);
            List<Credential> credentials = List.of(
                    new Credential("deployment token", PipelineService.REPORTING, petition, () -> deploymentToken),
                    new Credential("personal API token", PipelineService.REPORTING, petition, () -> personalToken),
                    new Credential("access token (JWT) for the deployment token", PipelineService.REPORTING, petition,
                            accessToken),
                    new Credential("access token (JWT)", PipelineService.EMAIL,
                            pipeline.url(PipelineService.EMAIL).resolve("/api/admin/erasures?limit=1").toString(),
                            accessToken));
            for (Credential credential : credentials) {
                System.out.printf("warming up: %s on %s, %d s%n", credential.name(), credential.service().module(),
                        WARM_UP.toSeconds());
                run(credential, connections, WARM_UP);
            }
            // rounds interleave the credentials, so a drift of the machine (JIT, the broker's housekeeping, another
            // process) falls on each of them alike; the median round is reported
            Map<Credential, List<Phase>> rounds = new LinkedHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Credential credential : credentials) {
                    System.out.printf("round %d/%d: %s on %s, %d s%n", round, ROUNDS, credential.name(),
                            credential.service().module(), seconds);
                    Duration cpuBefore = pipeline.cpuTime(credential.service());
                    long requests = run(credential, connections, Duration.ofSeconds(seconds));
                    rounds.computeIfAbsent(credential, any -> new ArrayList<>()).add(new Phase(requests, seconds,
                            pipeline.cpuTime(credential.service()).minus(cpuBefore)));
                }
            }
            SignatureCheck check = SignatureCheck.timed(reporting, accessToken.get());
            Benchmarks.publish("admin-tokens.md", report(seconds, connections, loadBefore, rounds, check));
        }
    }

    /** Makes the organization "bench" with an owner; returns the owner's first personal API token. */
    private static String organizationOwner(URI reporting, String deploymentToken) throws Exception {
        HttpResponse<String> made = Http.postJson(reporting.resolve("/api/admin/organizations"),
                "{\"slug\": \"bench\", \"name\": \"Benchmark\", \"owner_email\": \"owner@bench.example\"}",
                deploymentToken);
        if (made.statusCode() != 201) {
            throw new IllegalStateException("reporting made no organization: " + made.statusCode() + " " + made.body());
        }
        return JSON.readTree(made.body()).at("/owner/first_token").asText();
    }

    /** Closed loop: each connection sends the next request once the last is answered; returns the 200s. */
    private static long run(Credential credential, int connections, Duration duration) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(credential.url()))
                .header("Authorization", "Bearer " + credential.token().get()).GET().build();
        AtomicLong answered = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                loops.add(senders.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException(credential.name() + " was answered " + answer.statusCode());
                        }
                        answered.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            senders.shutdownNow();
        }
        return answered.get();
    }

    private static String report(int seconds, int connections, double loadBefore,
            Map<Credential, List<Phase>> rounds, SignatureCheck check) {
        StringBuilder rows = new StringBuilder();
        rounds.forEach((credential, phases) -> rows.append("| %s | %s | %,.0f | **%.0f** (%.0f–%.0f) |%n".formatted(
                credential.service().module(), credential.name(), median(phases, Phase::perSecond),
                median(phases, Phase::cpuMicrosPerRequest), min(phases), max(phases))));
        List<List<Phase>> byCredential = List.copyOf(rounds.values());
        // round by round: the two phases of one round ran a minute apart at most, on the same state of the machine
        double[] differences = new double[ROUNDS];
        double[] shares = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            double deployment = byCredential.get(0).get(round).cpuMicrosPerRequest();
            double accessToken = byCredential.get(2).get(round).cpuMicrosPerRequest();
            differences[round] = accessToken - deployment;
            shares[round] = 100 * differences[round] / accessToken;
        }
        Arrays.sort(differences);
        Arrays.sort(shares);
        return """
                # What checking the caller costs on an admin request

                Run on %s with `./run-local.sh bench-admin %d %d`: Kafka and PostgreSQL (in the launcher JVM),
                reporting-service and email-service on this machine (%d cores, Java %s; 1-minute load average %.1f
                when the run began). Each credential was warmed up for %d s, then measured in %d interleaved rounds of
                %d s: %d connections send the same admin read as fast as it is answered; the CPU is the answering
                service's own (its process), per request; the median round, with the other rounds' range.

                | service | credential | requests/s | CPU µs per request |
                | --- | --- | --- | --- |
                %s
                **In place**, reporting's read with an access token costs **%+.0f µs (%+.1f%%)** of CPU against the same
                read, by the same caller, with the deployment token's constant-time comparison (the median of the
                rounds' differences; they ranged %+.0f to %+.0f µs). A service checks an access token once and
                remembers it until it expires (service-kit's `AccessTokens`), so only the first request with each
                token pays the check: its RS256 signature alone costs **%.1f µs** of CPU (%,d checks timed in the load
                generator after %,d to warm up, the JDK's `SHA256withRSA` that jose4j calls beneath smallrye-jwt), the
                parsing of its claims more. The personal API token's SHA-256 and row read (the middle row) are paid on
                every request, since revoking one must end it at once.
                """.formatted(LocalDate.now(), seconds, connections, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, WARM_UP.toSeconds(), ROUNDS, seconds, connections, rows,
                differences[ROUNDS / 2], shares[ROUNDS / 2], differences[0], differences[ROUNDS - 1],
                check.microsPerCheck(),
                check.checks(), check.warmUpChecks());
    }

    private static double median(List<Phase> phases, ToDoubleFunction<Phase> figure) {
        double[] sorted = phases.stream().mapToDouble(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static double min(List<Phase> phases) {
        return phases.stream().mapToDouble(Phase::cpuMicrosPerRequest).min().orElseThrow();
    }

    private static double max(List<Phase> phases) {
        return phases.stream().mapToDouble(Phase::cpuMicrosPerRequest).max().orElseThrow();
    }

    private record Credential(String name, PipelineService service, String url, Supplier<String> token) {
    }

    private record Phase(long requests, int seconds, Duration cpu) {

        double perSecond() {
            return requests / (double) seconds;
        }

        double cpuMicrosPerRequest() {
            return cpu.toNanos() / 1e3 / requests;
        }
    }
}
