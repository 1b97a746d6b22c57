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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.petitionpipeline.local.launcher.Http;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.launcher.LocalPipelineSettings;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.local.tools.Benchmarks;

/**
 * {@code ./run-local.sh bench-admin [seconds] [connections]}: what checking the caller costs on an admin request.
 * reporting answers the same read ({@code GET /api/admin/petitions/{slug}}) to the deployment's token (a constant-time
 * comparison), a personal API token (a SHA-256 and a row read) and an access token (an RS256 signature check, as email
 * and dedup do for every admin request); the difference in CPU per request is what each check costs. email answers a
 * platform operator's read with an access token, for scale. Kafka, PostgreSQL, reporting and email run.
 */
public final class AdminTokenBenchmark {

    private static final String PETITION = "bench-admin";
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminTokenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
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

            List<Phase> phases = new ArrayList<>();
            for (Credential credential : List.of(
                    new Credential("deployment token", PipelineService.REPORTING, petition, deploymentToken),
                    new Credential("personal API token", PipelineService.REPORTING, petition, personalToken),
                    new Credential("access token (JWT)", PipelineService.REPORTING, petition,
                            pipeline.accessToken(personalToken)),
                    new Credential("access token (JWT)", PipelineService.EMAIL,
                            pipeline.url(PipelineService.EMAIL).resolve("/api/admin/erasures?limit=1").toString(),
                            pipeline.accessToken(deploymentToken)))) {
                System.out.printf("%s on %s: %d s warm-up, %d s measured%n", credential.name(),
                        credential.service().module(), WARM_UP.toSeconds(), seconds);
                run(credential, connections, WARM_UP);
                Duration cpuBefore = pipeline.cpuTime(credential.service());
                long requests = run(credential, connections, Duration.ofSeconds(seconds));
                phases.add(new Phase(credential, requests, seconds,
                        pipeline.cpuTime(credential.service()).minus(cpuBefore)));
            }
            Benchmarks.publish("admin-tokens.md", report(seconds, connections, loadBefore, phases));
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
                .header("Authorization", "Bearer " + credential.token()).GET().build();
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

    private static String report(int seconds, int connections, double loadBefore, List<Phase> phases) {
        StringBuilder rows = new StringBuilder();
        for (Phase phase : phases) {
            rows.append("| %s | %s | %,.0f | %.0f |%n".formatted(phase.credential().service().module(),
                    phase.credential().name(), phase.perSecond(), phase.cpuMicrosPerRequest()));
        }
        Phase deployment = phases.get(0);
        Phase accessToken = phases.get(2);
        double verification = accessToken.cpuMicrosPerRequest() - deployment.cpuMicrosPerRequest();
        return """
                # What checking the caller costs on an admin request

                Run on %s with `./run-local.sh bench-admin %d %d`: Kafka and PostgreSQL (in the launcher JVM),
                reporting-service and email-service on this machine (%d cores, Java %s; 1-minute load average %.1f
                when the run began). Each row: %d connections send the same admin read as fast as it is answered, for
                %d s after %d s of warm-up; the CPU is the answering service's own (its process), per request.

                | service | credential | requests/s | CPU µs per request |
                | --- | --- | --- | --- |
                %s
                Checking an access token (RS256, the check email and dedup make on every admin request) costs
                **%.0f µs** of CPU more than comparing the deployment's token, **%.1f%%** of the CPU of the request
                it guards (reporting's read of one petition: %.0f µs). The personal API token's SHA-256 and row read
                are the middle row.

                ## History
                """.formatted(LocalDate.now(), seconds, connections, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, connections, seconds, WARM_UP.toSeconds(), rows, verification,
                100 * verification / accessToken.cpuMicrosPerRequest(), accessToken.cpuMicrosPerRequest());
    }

    private record Credential(String name, PipelineService service, String url, String token) {
    }

    private record Phase(Credential credential, long requests, int seconds, Duration cpu) {

        double perSecond() {
            return requests / (double) seconds;
        }

        double cpuMicrosPerRequest() {
            return cpu.toNanos() / 1e3 / requests;
        }
    }
}
