package org.petitionpipeline.local;

import java.nio.file.Path;

/**
 * @param home    the project checkout, where the packaged services are
 * @param workDir where this run keeps its data, logs and pid file; data and logs are emptied at every start
 */
public record LocalPipelineSettings(Path home, Path workDir, Ports ports, Secrets secrets) {

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
