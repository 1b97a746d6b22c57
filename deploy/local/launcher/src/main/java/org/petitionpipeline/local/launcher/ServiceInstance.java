package org.petitionpipeline.local.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One running copy of a service on its own port. It can be killed (a crash), stopped (a rolling restart) and
 * started again, always with the same command, environment, port and log file (appended to).
 */
final class ServiceInstance implements AutoCloseable {

    private final PipelineService service;
    private final int index;
    private final int port;
    private final Supplier<List<String>> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Duration stopGrace;
    private ManagedProcess process;
    private Duration cpuOfEarlierProcesses = Duration.ZERO;
    private int starts;

    ServiceInstance(PipelineService service, int index, int port, Supplier<List<String>> command,
            Map<String, String> environment, Path log, Duration stopGrace) {
        this.service = service;
        this.index = index;
        this.port = port;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.stopGrace = stopGrace;
    }

    /** As the balancer and the logs name it: {@code signature-intake-1}, {@code signature-intake-2}, …. */
    static String name(PipelineService service, int index) {
        return service.module() + "-" + (index + 1);
    }

    String name() {
        return name(service, index);
    }

    PipelineService service() {
        return service;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Starts the process (again, after a kill or a stop); does nothing while it runs. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (process != null) {
            cpuOfEarlierProcesses = cpuOfEarlierProcesses.plus(process.cpuTimeOrZero());
        }
        process = ManagedProcess.start(name(), command.get(), environment, log, stopGrace);
        starts++;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process running now, none while it is stopped or killed. */
    synchronized OptionalLong pid() {
        return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** How often it was started, the first start included. */
    synchronized int starts() {
        return starts;
    }

    synchronized int exitCode() {
        return process.exitCode();
    }

    /** SIGKILL, as a crash or an OOM kill. */
    synchronized void kill() {
        process.kill();
    }

    /** CPU time of every process this instance has been, so far. */
    synchronized Duration cpuTime() {
        return cpuOfEarlierProcesses.plus(process == null ? Duration.ZERO : process.cpuTimeOrZero());
    }

    /** Resident memory of the running process, zero when there is none. */
    synchronized long residentBytes() {
        return process == null ? 0 : process.residentBytes();
    }

    String logTail(int lines) {
        return process.logTail(lines);
    }

    /** SIGTERM, then SIGKILL after a grace period: a controlled stop, as an orchestrator's. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.close();
        }
    }
}
