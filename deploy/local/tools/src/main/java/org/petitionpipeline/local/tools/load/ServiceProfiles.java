package org.petitionpipeline.local.tools.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import one.profiler.AsyncProfilerLoader;

/**
 * CPU profiles of running JVMs, taken from outside with async-profiler (attached by process id, so the services need
 * no flag and run as they always do): for each, the sampled stacks as text ({@code name.collapsed}, one line per stack
 * with its sample count, for grep and for diffs between runs) and a flame graph ({@code name.html}). Sampling every
 * 10 ms costs the profiled process well under 1% of a core.
 */
public final class ServiceProfiles {

    /** What one profile left: the sampled stacks as text and as a flame graph. */
    public record Profile(String name, Path collapsed, Path flameGraph) {
    }

    private final List<CompletableFuture<Profile>> running;

    private ServiceProfiles(List<CompletableFuture<Profile>> running) {
        this.running = running;
    }

    /** Starts profiling every process for {@code duration}; {@link #await()} returns once all have ended. */
    public static ServiceProfiles start(Map<String, Long> pidsByName, Duration duration, Path directory) {
        try {
            Files.createDirectories(directory);
            // the loader unpacks its binaries on first use, and that first use is not safe from several threads
            AsyncProfilerLoader.getAsyncProfilerPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CompletableFuture<Profile>> running = new ArrayList<>();
        pidsByName.forEach((name, pid) -> running.add(CompletableFuture.supplyAsync(
                () -> profile(name, pid, duration, directory))));
        return new ServiceProfiles(running);
    }

    public List<Profile> await() {
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static Profile profile(String name, long pid, Duration duration, Path directory) {
        Path collapsed = directory.resolve(name + ".collapsed");
        Path flameGraph = directory.resolve(name + ".html");
        try {
            check(name, AsyncProfilerLoader.executeProfiler("-d", Long.toString(Math.max(1, duration.toSeconds())),
                    "-e", "cpu", "-i", "10ms", "-o", "collapsed", "-f", collapsed.toString(), Long.toString(pid)));
            check(name, AsyncProfilerLoader.executeConverter(collapsed.toString(), flameGraph.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("profiling " + name + " (pid " + pid + ") failed", e);
        }
        return new Profile(name, collapsed, flameGraph);
    }

    private static void check(String name, AsyncProfilerLoader.ExecutionResult result) {
        if (result.getStderr() != null && result.getStderr().contains("[ERROR]")) {
            throw new IllegalStateException("async-profiler could not profile " + name + ": " + result.getStderr());
        }
    }
}
