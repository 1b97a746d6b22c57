package org.petitionpipeline.local.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param home               the project checkout, where the packaged services are
 * @param workDir            where this run keeps its data, logs and pid file; data and logs are emptied at every start
 * @param topology           how many brokers and instances of each service; {@code ports} has a port for each
 * @param supervised         whether an instance that dies is started again (the interactive run: yes; a fault
 *                           test that kills and restarts on its own: no)
 * @param serviceEnvironment environment a caller adds to a service's, over the launcher's own (e.g. a benchmark
 *                           that makes intake trust its {@code X-Forwarded-For}); empty for the ordinary local run
 * @param serviceJvm         the JDK that runs the services and the archive they start from
 * @param startupCacheDir    where the services' startup archives are kept across starts, unlike data and logs
 */
public record LocalPipelineSettings(Path home, Path workDir, Topology topology, Ports ports, boolean supervised,
        Secrets secrets, Map<PipelineService, Map<String, String>> serviceEnvironment, ServiceJvm serviceJvm,
        Path startupCacheDir) {

    /**
     * For load generators and system tests that stand in for a proxy carrying many synthetic signers: intake
     * believes {@code X-Forwarded-For} from loopback (the signers would otherwise share one address and its rate
     * limit), and dedup does not hold their bursts (thousands a minute at example.org or from one test network).
     */
    public static final Map<PipelineService, Map<String, String>> SYNTHETIC_SIGNERS = Map.of(
            PipelineService.INTAKE, Map.of("INTAKE_DEFENCE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
            PipelineService.DEDUP, Map.of("DEDUP_HOLDS_PER_ADDRESS", "1000000000", "DEDUP_HOLDS_PER_NETWORK",
                    "1000000000", "DEDUP_HOLDS_PER_DOMAIN", "1000000000"));

    public LocalPipelineSettings {
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        if (ports.kafkaNodes().size() != topology.brokers()
                || ports.instances().values().stream().anyMatch(own -> own.size() != topology.instances())) {
            throw new IllegalArgumentException("the ports do not fit " + topology + ": take Ports.defaults(topology) "
                    + "or Ports.free(topology)");
        }
    }

    /** On the launcher's own JDK, without a startup archive, as the services' own tests run them. */
    public LocalPipelineSettings(Path home, Path workDir, Topology topology, Ports ports, boolean supervised,
            Secrets secrets, Map<PipelineService, Map<String, String>> serviceEnvironment) {
        this(home, workDir, topology, ports, supervised, secrets, serviceEnvironment, ServiceJvm.launchers(),
                workDir.resolve("startup-cache"));
    }

    /** One broker, one instance of each service, unsupervised: as the tests and the benchmarks run it. */
    public LocalPipelineSettings(Path home, Path workDir, Ports ports, Secrets secrets,
            Map<PipelineService, Map<String, String>> serviceEnvironment) {
        this(home, workDir, Topology.SINGLE, ports, false, secrets, serviceEnvironment);
    }

    public LocalPipelineSettings(Path home, Path workDir, Ports ports, Secrets secrets) {
        this(home, workDir, ports, secrets, Map.of());
    }

    /** The same, with the services on another JDK or archive. */
    public LocalPipelineSettings withServiceJvm(ServiceJvm jvm) {
        return new LocalPipelineSettings(home, workDir, topology, ports, supervised, secrets, serviceEnvironment, jvm,
                startupCacheDir);
    }

    /** The same, with the startup archives kept in {@code directory}: runs in other work directories share them. */
    public LocalPipelineSettings withStartupCacheDir(Path directory) {
        return new LocalPipelineSettings(home, workDir, topology, ports, supervised, secrets, serviceEnvironment,
                serviceJvm, directory);
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
        return home.resolve("deploy/local/launcher/target/mail-catcher/greenmail-standalone.jar");
    }
}
