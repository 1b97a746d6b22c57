package org.petitionpipeline.reporting.live;

import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.petitionpipeline.contracts.CountedSignature;
import org.petitionpipeline.contracts.Topics;
import org.petitionpipeline.reporting.counting.TotalsTest;
import org.petitionpipeline.reporting.petitions.PetitionCatalogTest;
import org.petitionpipeline.testsupport.KafkaTestClient;

/**
 * A measurement, not a test: holds many live-total listeners on one petition while signatures arrive, and writes
 * what reached them to {@code target/fanout-<listeners>.md}. Its name keeps it out of the normal build; run it with
 * <pre>./mvnw -o verify -pl reporting-service -Dtest=LiveTotalFanOutBenchmark -Dfanout.listeners=5000</pre>
 * ({@code fanout.seconds}, default 30, {@code fanout.signatures-per-second}, default 500). The listeners' client
 * runs in the same JVM as the service, so memory and CPU figures are those of both ends together.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "fanout.listeners", matches = "[0-9]+")
class LiveTotalFanOutBenchmark {

    private static final int CONNECT_CHUNK = 250;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL server;

    @Inject
    Vertx vertx;

    @Inject
    LiveTotals liveTotals;

    @Inject
    MeterRegistry metrics;

    @Test
    void fanOut() throws IOException {
        int listenerCount = Integer.getInteger("fanout.listeners");
        int seconds = Integer.getInteger("fanout.seconds", 30);
        int perSecond = Integer.getInteger("fanout.signatures-per-second", 500);
        String slug = "fanout-" + listenerCount;
        PetitionCatalogTest.createPetition(slug);

        long heapBefore = usedHeapAfterGc();
        int threadsBefore = Thread.activeCount();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(listenerCount).setMaxWaitQueueSize(-1));
        Instant connecting = Instant.now();
        List<SseListener> listeners = connect(client, slug, listenerCount);
        await().atMost(Duration.ofMinutes(2)).until(() -> listeners.stream().allMatch(l -> l.events() == 1));
        Duration connectTime = Duration.between(connecting, Instant.now());
        long heapWithListeners = usedHeapAfterGc();
        int threadsWithListeners = Thread.activeCount();

        Timer ticks = metrics.get("reporting.live.total.tick").timer();
        long ticksBefore = ticks.count();
        double tickSecondsBefore = ticks.totalTime(TimeUnit.SECONDS);
        long eventsBefore = sum(listeners);
        long cpuBefore = processCpuNanos();
        Instant start = Instant.now();
        int sent = sendSignatures(slug, seconds, perSecond, start);
        Instant lastSent = Instant.now();
        await().atMost(Duration.ofMinutes(1)).until(() -> listeners.stream()
                .allMatch(listener -> LiveTotalStreamTest.totalIn(listener.lastEvent()) == sent));
        Instant settled = Instant.now();
        long delivered = sum(listeners) - eventsBefore;
        double runSeconds = Duration.between(start, settled).toMillis() / 1000.0;
        double cores = (processCpuNanos() - cpuBefore) / 1e9 / runSeconds;
        long maxEventsPerListener = listeners.stream().mapToLong(SseListener::events).max().orElse(0) - 1;
        long tickCount = ticks.count() - ticksBefore;
        double tickMillis = (ticks.totalTime(TimeUnit.SECONDS) - tickSecondsBefore) * 1000 / tickCount;

        listeners.forEach(SseListener::close);
        await().atMost(Duration.ofMinutes(1)).until(() -> liveTotals.listeners() == 0);
        client.close().toCompletionStage().toCompletableFuture().join();

        String report = """
                | listeners | %d |
                | --- | --- |
                | connect, all listeners had their first event | %.1f s |
                | signatures sent | %d in %d s (%d at the start of each second) |
                | events delivered, first signature to every listener showing the last | %d in %.1f s: %.0f per s, %.2f per listener per s |
                | most events one listener got | %d |
                | ticks run / mean tick (read totals, hand the change to every listener) | %d / %.0f ms |
                | last signature sent to every listener showing it | %.2f s |
                | heap per listener (client and service, after GC) | %.1f KB (%.1f MB for all) |
                | threads before / with listeners | %d / %d |
                | CPU of the JVM (client, service, in-JVM broker) while signatures arrived | %.2f cores |
                | resident memory of the JVM at the end | %s |
                """.formatted(listenerCount, connectTime.toMillis() / 1000.0, sent, seconds, perSecond, delivered,
                runSeconds, delivered / runSeconds, delivered / runSeconds / listenerCount, maxEventsPerListener,
                tickCount, tickMillis,
                Duration.between(lastSent, settled).toMillis() / 1000.0,
                (heapWithListeners - heapBefore) / 1024.0 / listenerCount,
                (heapWithListeners - heapBefore) / 1024.0 / 1024.0, threadsBefore, threadsWithListeners, cores,
                residentMemory());
        System.out.println("live total fan-out:\n" + report);
        Files.writeString(Path.of("target", "fanout-" + listenerCount + ".md"), report);
    }

    private List<SseListener> connect(HttpClient client, String slug, int count) {
        List<SseListener> listeners = new ArrayList<>(count);
        String path = "/api/petitions/" + slug + "/total/stream";
        // in chunks: thousands of connects at once overflow the server socket's accept backlog
        for (int opened = 0; opened < count; opened += CONNECT_CHUNK) {
            List<Future<SseListener>> chunk = new ArrayList<>();
            for (int i = opened; i < Math.min(count, opened + CONNECT_CHUNK); i++) {
                chunk.add(SseListener.open(client, server.getPort(), path));
            }
            chunk.forEach(future -> listeners.add(future.toCompletionStage().toCompletableFuture().join()));
        }
        return listeners;
    }

    /** Sends {@code perSecond} signatures at the start of each second, as a burst from an email blast would. */
    private int sendSignatures(String slug, int seconds, int perSecond, Instant start) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("acks", "all");
        config.put("linger.ms", "5");
        int sent = 0;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int second = 0; second < seconds; second++) {
                for (int i = 0; i < perSecond; i++) {
                    CountedSignature signature = TotalsTest.accepted(slug, UUID.randomUUID(), "f" + sent++);
                    producer.send(new ProducerRecord<>(Topics.SIGNATURES_COUNTED, signature.key(),
                            KafkaTestClient.JSON.valueToTree(signature).toString()));
                }
                producer.flush();
                Instant nextSecond = start.plusSeconds(second + 1L);
                await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(2))
                        .until(() -> !Instant.now().isBefore(nextSecond));
            }
        }
        return sent;
    }

    private static long sum(List<SseListener> listeners) {
        return listeners.stream().mapToLong(SseListener::events).sum();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String residentMemory() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).strip())
                .findFirst().orElse("unknown");
    }
}
