package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the pipeline, prints where everything is, and runs until Ctrl-C or
 * {@code ./run-local.sh stop} (SIGTERM to the pid in {@code .local-run/pipeline.pid}). With the argument
 * {@code infra} ({@code ./run-local.sh infra}) it starts the infrastructure only, for services run from source.
 * {@code --brokers 3 --instances 2} runs a cluster: three brokers, two supervised instances of each service
 * behind HAProxy.
 */
public final class LocalPipelineMain {

    private LocalPipelineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        Topology topology;
        try {
            topology = Topology.parse(List.of(args), rest);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            topology = null;
        }
        boolean infrastructureOnly = rest.equals(List.of("infra"));
        if (topology == null || !(rest.isEmpty() || infrastructureOnly)) {
            System.err.println("usage: LocalPipelineMain [infra] [--brokers 1|3] [--instances 1-4] [--secure]");
            System.exit(64);
            return;
        }
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
        // the interactive run is supervised as an orchestrator would: a service that dies is started again
        LocalPipelineSettings settings = new LocalPipelineSettings(home, home.resolve(".local-run"), topology,
                Ports.defaults(topology), true, Secrets.fromEnvironmentOrRandom(System.getenv()), Map.of())
                .withServiceJvm(ServiceJvm.forLocalRun(System.getenv()));
        refuseIfAlreadyRunning(settings.pidFile());
        InfrastructureLogging.toFile(settings.logDir().resolve("infrastructure.log"));
        writePid(settings.pidFile());

        CountDownLatch stopped = new CountDownLatch(1);
        LocalPipeline pipeline;
        try {
            pipeline = infrastructureOnly ? LocalPipeline.startInfrastructure(settings, System.out::println)
                    : LocalPipeline.start(settings, System.out::println);
        } catch (RuntimeException e) {
            System.err.println("The pipeline did not start: " + e.getMessage());
            deleteQuietly(settings.pidFile());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the pipeline…");
            pipeline.close();
            deleteQuietly(settings.pidFile());
            System.out.println("Stopped.");
            stopped.countDown();
        }, "pipeline-shutdown"));
        System.out.println(infrastructureOnly ? Banner.infrastructure(pipeline) : Banner.of(pipeline));
        stopped.await();
    }

    private static void refuseIfAlreadyRunning(Path pidFile) {
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(running -> {
            System.err.println("A local pipeline is already running (pid " + running.pid()
                    + "). Stop it with ./run-local.sh stop, or Ctrl-C in its terminal.");
            System.exit(2);
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static void writePid(Path pidFile) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + pidFile, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("could not delete " + file + ": " + e.getMessage());
        }
    }
}
