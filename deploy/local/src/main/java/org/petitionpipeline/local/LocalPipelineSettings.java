package org.petitionpipeline.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param home               the project checkout, where the packaged services are
 * @param workDir            where this run keeps its data, logs and pid file; data and logs are emptied at every start
 * @param serviceEnvironment environment a caller adds to a service's, over the launcher's own (e.g. a benchmark
 *                           that makes intake trust its {@code X-Forwarded-For}); empty for the ordinary local run
 */
public record LocalPipelineSettings(Path home, Path workDir, Ports ports, Secrets secrets,
        Map<PipelineService, Map<String, String>> serviceEnvironment) {

    public LocalPipelineSettings {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    public LocalPipelineSettings(Path home, Path workDir, Ports ports, Secrets secrets) {
        this(home, workDir, ports, secrets, Map.of());
    }

    public Map<String, String> extraEnvironment(PipelineService service) {
        return serviceEnvironment.getOrDefault(service, Map.of());
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    public Path pidFile() {
        return workDir.resolve("pipeline.pid");
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    public Path mailCatcherJar() {
        return home.resolve("deploy/local/target/tools/greenmail-standalone.jar");
    }
}
