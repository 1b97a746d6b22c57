package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process with its output in a log file, stopped politely (SIGTERM) and then, if need be, forcibly. */
final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration grace;

    private ManagedProcess(String name, Process process, Path log, Duration grace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.grace = grace;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        return start(name, command, environment, log, GRACE);
    }

    /** As {@link #start(String, List, Map, Path)}, given {@code grace} to stop before it is killed. */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path log,
            Duration grace) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log, grace);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory (RSS) now, from Linux's /proc; zero where there is none or the process has ended. */
    long residentBytes() {
        return ProcessMemory.residentBytes(process.pid());
    }

    /** CPU time the process has used so far, all its threads together, as the OS counts it. */
    Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("the OS does not tell the CPU time of " + name));
    }

    /** As {@link #cpuTime()}, or zero once the OS has forgotten an ended process. */
    Duration cpuTimeOrZero() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The exit code of a process that has ended. */
    int exitCode() {
        return process.exitValue();
    }

    /** The last lines of the log, to show why a process did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Waits for a process that ends by itself (a tool run), and returns its exit code; -1 after {@code timeout}. */
    int awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
