package org.petitionpipeline.local.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.petitionpipeline.local.launcher.LocalPipeline;
import org.petitionpipeline.local.systemtest.OtlpReceiver.ReceivedSpan;
import org.petitionpipeline.local.launcher.PipelineService;
import org.petitionpipeline.testsupport.monitoring.ExposedMetricNames;
import org.petitionpipeline.testsupport.monitoring.GrafanaDashboard;

/**
 * The whole journey over HTTP and SMTP, against the four packaged services running as processes on real
 * Kafka, PostgreSQL and a real SMTP server: what a signer and an organizer would see. The services export their
 * traces to a receiver in this JVM, which changes nothing they do, so that one pipeline also shows a signature's
 * trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineJourneyIT {

    private static final int DISTINCT_SIGNERS = 80;
    private static final int REPEATS = 20;

    private static OtlpReceiver traces;
    private static LocalPipeline pipeline;
    private static PipelineUser user;

    @BeforeAll
    static void startPipeline() throws Exception {
        traces = new OtlpReceiver();
        Map<String, String> tracing = Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        pipeline = PipelineUser.startPipeline("journey-run", EnumSet.allOf(PipelineService.class).stream()
                .collect(Collectors.toMap(Function.identity(), service -> tracing)));
        user = new PipelineUser(pipeline);
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    static String address(int signer) {
        return "signer" + signer + "@example.org";
    }

    static boolean optsIn(int signer) {
        return signer % 2 == 0;
    }

    static String signature(int signer, String typedAddress) {
        return """
                {"person": {"given_name": "Signer %d", "family_name": "Test",
                            "email_addresses": [{"address": "%s"}],
                            "postal_addresses": [{"postal_code": "20500", "country": "US"}]},
                 "consent": {"email_updates": %s}}""".formatted(signer, typedAddress, optsIn(signer));
    }

    @Test
    @Order(1)
    void hundredSignaturesWithTwentyRepeatsCountEightyAndEverySignerGetsOneThankYou() throws Exception {
        List<String> submissions = new ArrayList<>();
        IntStream.range(0, DISTINCT_SIGNERS).forEach(signer -> submissions.add(signature(signer, address(signer))));
        // the same people again, typed differently: upper case and surrounding spaces
        IntStream.range(0, REPEATS).forEach(signer -> submissions.add(
                signature(signer, "  " + address(signer).toUpperCase() + " ")));
        Collections.shuffle(submissions, new Random(42));

        for (String submission : submissions) {
            HttpResponse<String> response = user.sign(submission);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            assertThat(PipelineUser.JSON.readTree(response.body()).get("submission_id").asText()).isNotBlank();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> user.total() == DISTINCT_SIGNERS);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(user.total()).as("the total after every repeat had time to arrive").isEqualTo(DISTINCT_SIGNERS);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                IntStream.range(0, DISTINCT_SIGNERS).allMatch(signer -> user.mailOf(address(signer)).size() >= 1));
        for (int signer = 0; signer < DISTINCT_SIGNERS; signer++) {
            List<MimeMessage> mail = user.mailOf(address(signer));
            assertThat(mail).as("mail to " + address(signer)).hasSize(1);
            assertThat(mail.get(0).getSubject()).isEqualTo("Thank you for signing: Tell the Attorney General: resign");
            boolean hasUnsubscribeHeader = mail.get(0).getHeader("List-Unsubscribe") != null;
            assertThat(hasUnsubscribeHeader).as("unsubscribe header for " + address(signer)).isEqualTo(optsIn(signer));
        }
    }

    @Test
    @Order(2)
    void oneMoreSignatureIsCountedWithinASecondOrSo() throws Exception {
        long before = user.total();
        long start = System.nanoTime();
        assertThat(user.sign(signature(1000, "late.signer@example.org")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> user.total() == before + 1);
        System.out.printf("submit -> counted in the public total: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    @Order(3)
    void theUnsubscribeLinkInTheThankYouWorks() throws Exception {
        MimeMessage thankYou = user.mailOf(address(0)).get(0);
        String header = thankYou.getHeader("List-Unsubscribe")[0];
        // "<https://…>, <mailto:…>": the first URI is the one RFC 8058 clients POST to
        URI unsubscribe = URI.create(header.substring(1, header.indexOf('>')));
        assertThat(unsubscribe.getQuery()).startsWith("token=").doesNotContain("example.org");

        HttpResponse<String> page = PipelineUser.send(HttpRequest.newBuilder(unsubscribe).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");

        HttpResponse<String> done = PipelineUser.send(HttpRequest.newBuilder(unsubscribe)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed");
    }

    /**
     * After the journey, so every counter the dashboard reads has been incremented at least once and exists: a
     * renamed or removed metric would otherwise leave a panel silently empty.
     */
    @Test
    @Order(4)
    void everyMetricTheDashboardQueriesIsExportedByAService() throws Exception {
        Set<String> exported = new TreeSet<>();
        for (PipelineService service : PipelineService.values()) {
            exported.addAll(ExposedMetricNames.in(user.metricsOf(service)));
        }
        GrafanaDashboard dashboard = GrafanaDashboard.read(
                pipeline.settings().home().resolve(GrafanaDashboard.LOCATION));

        Set<String> notExported = new TreeSet<>(dashboard.metricNames());
        notExported.removeAll(exported);

        assertThat(dashboard.metricNames()).as("the metrics the dashboard queries").isNotEmpty();
        assertThat(notExported).as("metrics the dashboard queries that no service exports").isEmpty();
    }

    /**
     * One signature is one trace: intake's request span, then dedup's processing of the record, reporting's count
     * and email's send of the receipt, each a descendant of the request's span however the records were batched.
     */
    @Test
    @Order(5)
    void oneSignatureIsOneTraceFromTheRequestToCountedAndMailed() throws Exception {
        Random random = new Random();
        String traceId = HexFormat.of().formatHex(randomBytes(random, 16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(random, 8));

        HttpResponse<String> response = user.sign(signature(3000, "traced.signer@example.org"),
                "00-" + traceId + "-" + callerSpanId + "-01");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> trace = traces.spans().stream().filter(span -> span.traceId().equals(traceId)).toList();
            ReceivedSpan request = trace.stream()
                    .filter(span -> span.service().equals("signature-intake") && span.parentSpanId().equals(callerSpanId))
                    .findFirst().orElseThrow(() -> new AssertionError("no request span of intake in " + trace));
            assertThat(request.name()).startsWith("POST ");
            assertThat(trace).as("the signature's trace").anySatisfy(span -> assertThat(span)
                    .returns("dedup-service", ReceivedSpan::service)
                    .returns("process signatures.submitted", ReceivedSpan::name)
                    .matches(dedup -> descendsFrom(dedup, request, trace), "a descendant of " + request));
            assertThat(trace).anySatisfy(span -> assertThat(span)
                    .returns("reporting-service", ReceivedSpan::service)
                    .returns("count signature", ReceivedSpan::name)
                    .matches(count -> descendsFrom(count, request, trace), "a descendant of " + request));
            assertThat(trace).anySatisfy(span -> assertThat(span)
                    .returns("email-service", ReceivedSpan::service)
                    .returns("send signature receipt", ReceivedSpan::name)
                    .matches(send -> descendsFrom(send, request, trace), "a descendant of " + request));
        });
    }

    private static boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor, List<ReceivedSpan> trace) {
        Optional<ReceivedSpan> parent = Optional.of(span);
        while (parent.isPresent()) {
            String parentId = parent.get().parentSpanId();
            if (parentId.equals(ancestor.spanId())) {
                return true;
            }
            parent = trace.stream().filter(candidate -> candidate.spanId().equals(parentId)).findFirst();
        }
        return false;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
