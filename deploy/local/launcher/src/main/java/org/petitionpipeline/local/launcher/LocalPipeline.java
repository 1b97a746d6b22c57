package org.petitionpipeline.local.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.petitionpipeline.contracts.topics.TopicCatalogue;
import org.petitionpipeline.testsupport.KafkaBroker;
import org.petitionpipeline.testsupport.PipelineTopics;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * The whole pipeline on one machine without Docker: Kafka (one in-process broker, or a cluster of three broker
 * processes), PostgreSQL, a mail catcher (GreenMail), and the four packaged services as child processes, one or
 * more instances of each (then behind HAProxy), optionally supervised. Closing it stops everything it started,
 * in reverse order, and nothing else.
 */
public final class LocalPipeline implements AutoCloseable {

    // eight service JVMs and three brokers on two cores, one restarted under load: on a slow host a dedup instance
    // took 124 s to answer ready (80 s of it before Quarkus even printed its banner), so 120 s was too tight
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(240);
    // the mail catcher is a JVM too, and the demo petition waits on intake's catalog consumer joining: both were
    // seen past 30 s when two pipelines shared two cores
    private static final Duration HELPER_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(15);
    // JDK 25 assembles its AOT cache at exit, in a second JVM: 7-10 s for a service on 2 idle cores, more when busy
    private static final Duration RECORDING_SERVICE_STOP_GRACE = Duration.ofSeconds(60);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where mailto unsubscribe requests go; email-service logs in to read it, which makes it a mailbox too. */
    public static final String UNSUBSCRIBE_MAILBOX = "unsubscribe@petitions.localhost";

    private final LocalPipelineSettings settings;
    private final StartupCache startupCache;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<PipelineService, List<ServiceInstance>> services = new EnumMap<>(PipelineService.class);
    private volatile KafkaBroker kafka;
    private KafkaCluster cluster;
    private LoadBalancer balancer;
    private Supervisor supervisor;
    private volatile PostgresServer postgres;
    private ManagedProcess mailCatcher;
    private boolean postgresStopped;
    private Optional<DemoOrganization.Owner> demoOwner = Optional.empty();

    private LocalPipeline(LocalPipelineSettings settings) {
        this.settings = settings;
        this.startupCache = new StartupCache(settings.startupCacheDir(), settings.home(), settings.serviceJvm());
    }

    /** Starts everything and returns once every service is ready and the demo petition can be signed. */
    public static LocalPipeline start(LocalPipelineSettings settings, Consumer<String> progress) {
        return start(settings, EnumSet.allOf(PipelineService.class), progress);
    }

    /**
     * Starts the given services and only the infrastructure they use (a benchmark of one stage wants the rest
     * out of its CPU): Kafka always, PostgreSQL for a service with a database, the mail catcher for email. The
     * demo petition is created when intake and reporting are among them.
     */
    public static LocalPipeline start(LocalPipelineSettings settings, Set<PipelineService> services,
            Consumer<String> progress) {
        return startWith(settings, pipeline -> pipeline.startAll(services, progress));
    }

    /**
     * Starts Kafka (with every topic), PostgreSQL and the mail catcher on their ports, and no service: for a
     * contributor who runs services from source ({@code quarkus:dev}) against them.
     */
    public static LocalPipeline startInfrastructure(LocalPipelineSettings settings, Consumer<String> progress) {
        return startWith(settings, pipeline -> pipeline.startInfrastructure(EnumSet.allOf(PipelineService.class),
                timed(progress)));
    }

    private static LocalPipeline startWith(LocalPipelineSettings settings, Consumer<LocalPipeline> parts) {
        LocalPipeline pipeline = new LocalPipeline(settings);
        try {
            parts.accept(pipeline);
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(Set<PipelineService> wanted, Consumer<String> progress) {
        for (PipelineService service : wanted) {
            if (!Files.isRegularFile(service.runnableJar(settings.home()))) {
                throw new IllegalStateException(service.runnableJar(settings.home())
                        + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
        Consumer<String> step = timed(progress);
        startInfrastructure(wanted, step);
        step.accept("starting " + (wanted.size() == PipelineService.values().length ? "the four services" : wanted)
                + (settings.topology().isBalanced() ? ", " + settings.topology().instances() + " instances of each" : "")
                + startupCache.describe(wanted));
        started.push(this::stopServices);
        for (PipelineService service : wanted) {
            startService(service);
        }
        awaitServicesReady();
        step.accept("all services ready");
        if (settings.topology().isBalanced()) {
            balancer = LoadBalancer.start(settings.ports(), settings.dataDir().resolve("haproxy.cfg"),
                    settings.logDir().resolve("haproxy.log"));
            started.push(balancer);
            step.accept("HAProxy balances each service's instances on its usual port");
        }
        if (settings.supervised()) {
            supervisor = Supervisor.watch(instances(), progress);
            started.push(supervisor);
        }
        if (!wanted.containsAll(EnumSet.of(PipelineService.INTAKE, PipelineService.REPORTING))) {
            return;
        }

        DemoPetition.ensure(url(PipelineService.REPORTING), settings.secrets().adminToken());
        demoOwner = DemoOrganization.ensure(url(PipelineService.REPORTING), settings.secrets().adminToken());
        Http.awaitOk(url(PipelineService.INTAKE).resolve("/api/petitions/" + DemoPetition.SLUG), HELPER_START_TIMEOUT,
                () -> isAlive(PipelineService.INTAKE), "the demo petition in intake's catalog");
        step.accept("demo petition '" + DemoPetition.SLUG + "' is open for signatures");
        started.push(DemoHostPage.start(LOOPBACK, settings.ports().demoHost(), url(PipelineService.INTAKE)));
        step.accept("a page embedding it: " + demoHostPage());
    }

    /** Kafka always, PostgreSQL when a served service has a database, the mail catcher when email is served. */
    private void startInfrastructure(Set<PipelineService> served, Consumer<String> step) {
        Ports ports = settings.ports();
        emptyDirectory(settings.dataDir());
        emptyDirectory(settings.logDir());
        if (settings.topology().hasBrokerProcesses()) {
            Optional<KafkaSecurity> security = Optional.empty();
            if (settings.topology().secure()) {
                security = Optional.of(KafkaSecurity.generate(settings.dataDir().resolve("tls")));
                step.accept("certificates and SCRAM users made for this run (" + settings.dataDir().resolve("tls")
                        + "): a user per service, clients must authenticate over TLS");
            }
            int brokers = ports.kafkaNodes().size();
            step.accept("starting Kafka: " + brokers + (brokers == 1 ? " broker process" : " broker processes")
                    + " (KRaft, a quorum of " + brokers + ") on " + clusterAddresses());
            cluster = KafkaCluster.start(ports.kafkaNodes(), settings.dataDir().resolve("kafka"), settings.logDir(),
                    security);
            started.push(cluster);
            if (settings.topology().isCluster()) {
                PipelineTopics.create(kafkaClientConfig(), TopicCatalogue.production());
                step.accept("topics created: replication 3, min.insync.replicas 2");
            } else {
                PipelineTopics.create(kafkaClientConfig(), TopicCatalogue.singleBroker());
                step.accept("topics created");
            }
        } else {
            step.accept("starting Kafka (KRaft, single node) on " + LOOPBACK + ":" + ports.kafka());
            startKafka();
            // closes whichever broker runs at the end, also one started again after stopKafka()
            started.push(this::stopKafka);
            PipelineTopics.create(kafkaClientConfig(), TopicCatalogue.singleBroker());
        }

        if (served.stream().anyMatch(PipelineService::usesDatabase)) {
            step.accept("starting PostgreSQL");
            // restartable for fault runs; the data directory is emptied at the next start like the rest
            postgres = PostgresServer.startRestartableUnlessConfigured(ports.postgres(),
                    settings.dataDir().resolve("postgres"));
            started.push(this::stopPostgres);
            step.accept("PostgreSQL " + (postgres.isEmbedded() ? "(embedded) " : "(from QUARKUS_DATASOURCE_JDBC_URL) ")
                    + "at " + postgres.jdbcUrl());
        }

        if (served.contains(PipelineService.EMAIL)) {
            step.accept("starting the mail catcher (GreenMail): SMTP " + ports.smtp() + ", API " + ports.mailApi());
            mailCatcher = ManagedProcess.start("mail-catcher", mailCatcherCommand(), Map.of(),
                    settings.logDir().resolve("mail-catcher.log"));
            started.push(mailCatcher);
            Http.awaitOk(mailApi().resolve("/api/service/readiness"), HELPER_START_TIMEOUT, mailCatcher::isAlive,
                    "the mail catcher");
        }
    }

    private void startService(PipelineService service) {
        List<ServiceInstance> instances = new ArrayList<>();
        services.put(service, instances);
        List<Integer> ports = settings.ports().instances().get(service);
        for (int index = 0; index < ports.size(); index++) {
            int instanceIndex = index;
            ServiceInstance instance = new ServiceInstance(service, index, ports.get(index),
                    () -> serviceCommand(service, instanceIndex), environmentOf(service, ports.get(index)),
                    settings.logDir().resolve(ServiceInstance.name(service, index) + ".log"),
                    settings.serviceJvm().archive() == StartupArchive.NONE ? SERVICE_STOP_GRACE
                            : RECORDING_SERVICE_STOP_GRACE);
            instances.add(instance);
            instance.start();
        }
    }

    /**
     * Stops every instance at once: a JVM that writes its startup archive as it stops takes longer to (JDK 25's AOT
     * cache 7-10 s on 2 idle cores), and four services one after the other would keep {@code ./run-local.sh stop}
     * waiting more than its minute.
     */
    private void stopServices() {
        List<Thread> stopping = instances().stream()
                .map(instance -> new Thread(instance::close, "stopping " + instance.name())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Kills every instance of a service the way a crash does (SIGKILL: no shutdown hook, nothing flushed). */
    public void crash(PipelineService service) {
        services.get(service).forEach(ServiceInstance::kill);
    }

    /** Kills one instance of a service (index from 0) the way a crash does. */
    public void crash(PipelineService service, int index) {
        services.get(service).get(index).kill();
    }

    /** Starts the crashed or stopped instances of a service again and returns once each is ready. */
    public void restart(PipelineService service) {
        for (ServiceInstance instance : services.get(service)) {
            if (!instance.isAlive()) {
                instance.start();
            }
            awaitReady(instance);
        }
    }

    /**
     * Stops each instance of a service and starts it again, one at a time, each time waiting until it is ready
     * before the next goes: a rolling restart, as an orchestrator does one.
     */
    public void rollingRestart(PipelineService service, Consumer<String> progress) {
        for (ServiceInstance instance : services.get(service)) {
            if (supervisor != null) {
                supervisor.setAside(instance);
            }
            progress.accept("stopping " + instance.name());
            instance.close();
            instance.start();
            awaitReady(instance);
            if (supervisor != null) {
                supervisor.takeBack(instance);
            }
            progress.accept(instance.name() + " is back and ready");
        }
    }

    /** Whether every instance of a service runs. */
    public boolean isAlive(PipelineService service) {
        return services.get(service).stream().allMatch(ServiceInstance::isAlive);
    }

    /** How often an instance was started; above 1 once the supervisor (or a fault run) started it again. */
    public int starts(PipelineService service, int index) {
        return services.get(service).get(index).starts();
    }

    /** CPU time every instance of a service has used so far, e.g. to tell how many cores it kept busy under load. */
    public Duration cpuTime(PipelineService service) {
        return services.get(service).stream().map(ServiceInstance::cpuTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** The process id of every service instance running now, by instance name ({@code signature-intake-1}, …). */
    public Map<String, Long> runningServicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.values().forEach(instances -> instances.forEach(instance -> instance.pid()
                .ifPresent(pid -> pids.put(instance.name(), pid))));
        return pids;
    }

    /** Resident memory of every instance of a service now, together. */
    public long residentBytes(PipelineService service) {
        return services.get(service).stream().mapToLong(ServiceInstance::residentBytes).sum();
    }

    /**
     * CPU time each process of the pipeline has used so far, by name: every service (all its instances), the
     * Kafka brokers when they are processes of their own, HAProxy, the mail catcher, an embedded PostgreSQL (every
     * process of it, those already ended included; a restart starts its count again) and this JVM (which runs the
     * single broker, and a load generator when a tool drives the pipeline).
     */
    public Map<String, Duration> cpuTimes() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        services.keySet().forEach(service -> cpu.put(service.module(), cpuTime(service)));
        if (cluster != null) {
            cpu.put("kafka (" + cluster.size() + " brokers)", cluster.cpuTime());
        }
        if (balancer != null) {
            cpu.put("haproxy", balancer.cpuTime());
        }
        if (postgres != null) {
            postgres.postmasterPid().ifPresent(pid -> cpu.put("PostgreSQL (every process)", ProcessTreeCpu.of(pid)));
        }
        if (mailCatcher != null) {
            cpu.put("mail catcher (GreenMail)", mailCatcher.cpuTimeOrZero());
        }
        cpu.put(cluster == null ? "launcher JVM (Kafka broker, load generator)" : "launcher JVM (load generator)",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return cpu;
    }

    public Topology topology() {
        return settings.topology();
    }

    /** SIGKILL to one broker of the cluster (ids 1 to 3), e.g. the leader of the partitions under load. */
    public void killBroker(int brokerId) {
        cluster().kill(brokerId);
    }

    /** A controlled stop of one broker of the cluster: it hands its leaderships over first. */
    public void stopBroker(int brokerId) {
        cluster().stop(brokerId);
    }

    /** Starts a killed or stopped broker of the cluster again and returns once it has joined. */
    public void restartBroker(int brokerId) {
        cluster().restart(brokerId);
    }

    /** The id of the broker that leads a partition now. */
    public int leaderOf(String topic, int partition) {
        return cluster().leaderOf(topic, partition);
    }

    private KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this pipeline runs one broker, not a cluster (--brokers 3)");
        }
        return cluster;
    }

    /**
     * Stops the broker under the running services, the way a broker restart or an outage does, for fault tests;
     * {@link #startKafka()} brings it back. Does nothing when it is already stopped.
     */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /**
     * Starts the broker, or starts it again after {@link #stopKafka()}: on the same ports and the same log
     * directory, so clients reconnect to the address they know and find their topics, records and committed
     * offsets where they were. A start again took about 10 s on a 2-core machine, a first start about 2 s.
     */
    public synchronized void startKafka() {
        if (kafka == null) {
            Ports ports = settings.ports();
            kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), settings.dataDir().resolve("kafka"));
        }
    }

    /**
     * {@code host:port} of the broker, or of each broker of the cluster (comma-separated); the same across
     * {@link #stopKafka()} and {@link #startKafka()}.
     */
    public String kafkaBootstrapServers() {
        return cluster != null ? cluster.bootstrapServers() : LOOPBACK + ":" + settings.ports().kafka();
    }

    /**
     * Settings a Kafka client of the launcher or its tools connects with: the bootstrap servers, and in a secure
     * run the launcher's own SCRAM user over TLS. A fresh map the caller may add its own settings to.
     */
    public Map<String, Object> kafkaClientConfig() {
        if (cluster != null) {
            return cluster.clientConfig();
        }
        return new HashMap<>(Map.of("bootstrap.servers", kafkaBootstrapServers()));
    }

    private String clusterAddresses() {
        return String.join(", ", settings.ports().kafkaNodes().stream().map(node -> LOOPBACK + ":" + node.client())
                .toList());
    }

    /**
     * Stops the embedded PostgreSQL under the running services (a clean shutdown, as a database restart in
     * production does), for fault tests; {@link #startPostgres()} brings it back with its data. Does nothing when
     * it is already stopped.
     */
    public synchronized void stopPostgres() {
        if (!postgresStopped) {
            postgres.close();
            postgresStopped = true;
        }
    }

    /** Starts the embedded PostgreSQL again after {@link #stopPostgres()}, on the same port and data. */
    public synchronized void startPostgres() {
        if (postgresStopped) {
            postgres = postgres.restart();
            postgresStopped = false;
        }
    }

    /** Null unless a service with a database was started; its address stays the same across a restart. */
    public PostgresServer postgres() {
        return postgres;
    }

    private List<ServiceInstance> instances() {
        return services.values().stream().flatMap(List::stream).toList();
    }

    private void awaitReady(ServiceInstance instance) {
        Http.awaitOk(URI.create("http://localhost:" + instance.port() + "/q/health/ready"), SERVICE_START_TIMEOUT,
                instance::isAlive, instance.name());
    }

    private void awaitServicesReady() {
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        instances().forEach(instance -> readiness.add(CompletableFuture.runAsync(() -> awaitReady(instance))));
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException notReady) {
            StringBuilder report = new StringBuilder("a service did not start: ").append(notReady.getCause().getMessage());
            instances().stream().filter(instance -> !instance.isAlive()).forEach(instance -> report
                    .append(System.lineSeparator()).append("--- last lines of ").append(instance.log()).append(" ---")
                    .append(System.lineSeparator()).append(instance.logTail(30)));
            throw new IllegalStateException(report.toString(), notReady);
        }
    }

    private List<String> mailCatcherCommand() {
        Ports ports = settings.ports();
        // it keeps every message in memory: a load or fault run leaves tens of thousands (128 MB ran out at 17,000);
        // the serial collector costs it a quarter less CPU per message than G1 (docs/benchmarks/mail-catcher.md)
        return List.of(java(), "-Xmx2g", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=" + LOOPBACK, "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.imap.hostname=" + LOOPBACK, "-Dgreenmail.imap.port=" + ports.imap(),
                "-Dgreenmail.api.hostname=" + LOOPBACK, "-Dgreenmail.api.port=" + ports.mailApi(),
                // any login works; the mailbox of an address is created when mail arrives for it
                "-Dgreenmail.auth.disabled",
                "-jar", settings.mailCatcherJar().toString());
    }

    /**
     * On the settings' JDK, from its startup archive (recording it on a first start); {@code
     * PIPELINE_SERVICE_JAVA_OPTS} adds JVM options to every service, e.g. to profile one with JFR.
     */
    private List<String> serviceCommand(PipelineService service, int index) {
        List<String> command = new ArrayList<>(List.of(settings.serviceJvm().java().toString(), "-Xmx384m"));
        command.addAll(startupCache.options(service, index));
        String extraOptions = System.getenv("PIPELINE_SERVICE_JAVA_OPTS");
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", service.runnableJar(settings.home()).toString()));
        return command;
    }

    /**
     * The environment an instance of {@code service} listening on {@code port} is started with: addresses, secrets,
     * and in a secure run its Kafka user and the certificate it trusts. Public for tests that start one more
     * instance by hand, e.g. with one setting wrong.
     */
    public Map<String, String> environmentOf(PipelineService service, int port) {
        Secrets secrets = settings.secrets();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", LOOPBACK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        if (cluster != null) {
            cluster.security().ifPresent(security -> env.putAll(security.serviceEnvironment(service)));
        }
        env.put("PIPELINE_EMAIL_HASH_KEY", secrets.emailHashKey());
        if (service.usesDatabase()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        if (service == PipelineService.EMAIL) {
            env.put("QUARKUS_MAILER_HOST", LOOPBACK);
            env.put("QUARKUS_MAILER_PORT", String.valueOf(settings.ports().smtp()));
            env.put("EMAIL_TOKEN_KEY", secrets.emailTokenKey());
            env.put("EMAIL_WEBHOOK_TOKEN", secrets.webhookToken());
            env.put("EMAIL_PUBLIC_URL", url(PipelineService.EMAIL).toString());
            // mailto unsubscribe requests land in the mail catcher, whose IMAP takes any login: read them there
            env.put("EMAIL_UNSUBSCRIBE_IMAP_HOST", LOOPBACK);
            env.put("EMAIL_UNSUBSCRIBE_IMAP_PORT", String.valueOf(settings.ports().imap()));
            env.put("EMAIL_UNSUBSCRIBE_IMAP_USER", UNSUBSCRIBE_MAILBOX);
            env.put("EMAIL_UNSUBSCRIBE_IMAP_PASSWORD", UNSUBSCRIBE_MAILBOX);
            env.put("EMAIL_UNSUBSCRIBE_IMAP_SSL", "false");
            env.put("EMAIL_UNSUBSCRIBE_MAILBOX", UNSUBSCRIBE_MAILBOX);
        }
        if (service == PipelineService.REPORTING) {
            env.put("REPORTING_ADMIN_TOKEN", secrets.adminToken());
            env.put("REPORTING_REPORT_LINK_KEY", secrets.reportLinkKey());
            env.put("REPORTING_PUBLIC_URL", url(PipelineService.REPORTING).toString());
            // ops hold one token for reporting's ops console; traded for an access token, it opens dedup's and
            // email's admin APIs too
            env.put("REPORTING_OPS_TOKEN", secrets.opsToken());
            // a developer's webhook receiver runs on this machine, over http; values exported before the run win
            for (String allowed : List.of("REPORTING_WEBHOOKS_ALLOW_HTTP", "REPORTING_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES")) {
                env.put(allowed, System.getenv().getOrDefault(allowed, "true"));
            }
        }
        if (service == PipelineService.INTAKE) {
            // the widget reads the live total from reporting, on its own origin
            env.put("INTAKE_EMBED_TOTALS_URL", url(PipelineService.REPORTING).toString());
            env.put("INTAKE_EMBED_PRIVACY_REQUESTS_URL", url(PipelineService.EMAIL).toString());
            if (settings.topology().isBalanced()) {
                // every request comes from HAProxy on loopback; the signer's address is in its X-Forwarded-For
                env.put("INTAKE_DEFENCE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
            }
        }
        if (service == PipelineService.EMAIL || service == PipelineService.DEDUP) {
            // their admin APIs check reporting's access tokens against the keys it publishes
            env.put("PIPELINE_IDENTITY_JWKS_URL", url(PipelineService.REPORTING).resolve(JWKS_PATH).toString());
        }
        env.putAll(settings.extraEnvironment(service));
        return env;
    }

    /**
     * An access token for the admin APIs of email and dedup, bought at reporting with a credential (a personal API
     * token or a deployment token); valid five minutes.
     */
    public String accessToken(String credential) {
        HttpResponse<String> issued = Http.postJson(url(PipelineService.REPORTING).resolve("/api/auth/token"), "",
                credential);
        if (issued.statusCode() != 200) {
            throw new IllegalStateException("reporting issued no access token: " + issued.statusCode() + " "
                    + issued.body());
        }
        try {
            return JSON.readTree(issued.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("reporting answered no JSON for an access token", e);
        }
    }

    public URI url(PipelineService service) {
        return URI.create("http://localhost:" + settings.ports().of(service));
    }

    /** A page on another origin that embeds the demo petition (script and iframe), when intake runs. */
    /** How the demo organization's owner signs in; empty when an earlier run made it, or none was made. */
    public Optional<DemoOrganization.Owner> demoOwner() {
        return demoOwner;
    }

    public URI demoHostPage() {
        return URI.create("http://localhost:" + settings.ports().demoHost() + "/");
    }

    public URI mailApi() {
        return URI.create("http://localhost:" + settings.ports().mailApi());
    }

    public LocalPipelineSettings settings() {
        return settings;
    }

    /** Stops what was started, newest first; keeps going when one part fails to stop. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    /** Progress lines stamped with the seconds since the start began. */
    private static Consumer<String> timed(Consumer<String> progress) {
        long begin = System.nanoTime();
        return message -> progress.accept(String.format("[%5.1f s] %s", (System.nanoTime() - begin) / 1e9, message));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void emptyDirectory(Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory))
                            .forEach(LocalPipeline::delete);
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + directory, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path, e);
        }
    }
}
