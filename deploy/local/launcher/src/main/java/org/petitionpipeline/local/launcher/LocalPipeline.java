package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.petitionpipeline.testsupport.KafkaBroker;
import org.petitionpipeline.testsupport.PipelineTopics;
import org.petitionpipeline.testsupport.PostgresServer;

/**
 * The whole pipeline on one machine without Docker: a Kafka broker (KRaft) and PostgreSQL, a mail catcher
 * (GreenMail), and the four packaged services as child processes. Closing it stops everything it started,
 * in reverse order, and nothing else.
 */
public final class LocalPipeline implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);
    private static final String LOOPBACK = "127.0.0.1";
    /** Where mailto unsubscribe requests go; email-service logs in to read it, which makes it a mailbox too. */
    public static final String UNSUBSCRIBE_MAILBOX = "unsubscribe@petitions.localhost";

    private final LocalPipelineSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<PipelineService, ManagedProcess> services = new EnumMap<>(PipelineService.class);
    private volatile KafkaBroker kafka;
    private volatile PostgresServer postgres;
    private boolean postgresStopped;

    private LocalPipeline(LocalPipelineSettings settings) {
        this.settings = settings;
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
        step.accept("starting " + (wanted.size() == PipelineService.values().length ? "the four services" : wanted));
        for (PipelineService service : wanted) {
            startService(service);
        }
        awaitServicesReady();
        step.accept("all services ready");
        if (!wanted.containsAll(EnumSet.of(PipelineService.INTAKE, PipelineService.REPORTING))) {
            return;
        }

        DemoPetition.ensure(url(PipelineService.REPORTING), settings.secrets().adminToken());
        Http.awaitOk(url(PipelineService.INTAKE).resolve("/api/petitions/" + DemoPetition.SLUG), Duration.ofSeconds(30),
                services.get(PipelineService.INTAKE)::isAlive, "the demo petition in intake's catalog");
        step.accept("demo petition '" + DemoPetition.SLUG + "' is open for signatures");
        started.push(DemoHostPage.start(LOOPBACK, settings.ports().demoHost(), url(PipelineService.INTAKE)));
        step.accept("a page embedding it: " + demoHostPage());
    }

    /** Kafka always, PostgreSQL when a served service has a database, the mail catcher when email is served. */
    private void startInfrastructure(Set<PipelineService> served, Consumer<String> step) {
        Ports ports = settings.ports();
        emptyDirectory(settings.dataDir());
        emptyDirectory(settings.logDir());
        step.accept("starting Kafka (KRaft, single node) on " + LOOPBACK + ":" + ports.kafka());
        startKafka();
        // closes whichever broker runs at the end, also one started again after stopKafka()
        started.push(this::stopKafka);
        PipelineTopics.create(kafkaBootstrapServers());

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
            ManagedProcess mail = ManagedProcess.start("mail-catcher", mailCatcherCommand(), Map.of(),
                    settings.logDir().resolve("mail-catcher.log"));
            started.push(mail);
            Http.awaitOk(mailApi().resolve("/api/service/readiness"), Duration.ofSeconds(30), mail::isAlive,
                    "the mail catcher");
        }
    }

    private ManagedProcess startService(PipelineService service) {
        ManagedProcess process = ManagedProcess.start(service.module(), serviceCommand(service),
                serviceEnvironment(service), settings.logDir().resolve(service.module() + ".log"));
        started.push(process);
        services.put(service, process);
        return process;
    }

    /** Kills a service the way a crash does (SIGKILL: no shutdown hook, nothing flushed), for fault tests. */
    public void crash(PipelineService service) {
        services.get(service).kill();
    }

    /** Starts a crashed or stopped service again and returns once it is ready. */
    public void restart(PipelineService service) {
        ManagedProcess process = startService(service);
        Http.awaitOk(url(service).resolve("/q/health/ready"), SERVICE_START_TIMEOUT, process::isAlive, service.module());
    }

    public boolean isAlive(PipelineService service) {
        return services.get(service).isAlive();
    }

    /** CPU time a service has used since it started, e.g. to tell how many cores it kept busy under load. */
    public Duration cpuTime(PipelineService service) {
        return services.get(service).cpuTime();
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

    /** {@code host:port} of the broker; the same across {@link #stopKafka()} and {@link #startKafka()}. */
    public String kafkaBootstrapServers() {
        return LOOPBACK + ":" + settings.ports().kafka();
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

    private void awaitServicesReady() {
        List<CompletableFuture<Void>> readiness = new ArrayList<>();
        services.forEach((service, process) -> readiness.add(CompletableFuture.runAsync(() ->
                Http.awaitOk(url(service).resolve("/q/health/ready"), SERVICE_START_TIMEOUT, process::isAlive,
                        service.module()))));
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException notReady) {
            StringBuilder report = new StringBuilder("a service did not start: ").append(notReady.getCause().getMessage());
            services.values().stream().filter(process -> !process.isAlive()).forEach(process -> report
                    .append(System.lineSeparator()).append("--- last lines of ").append(process.log()).append(" ---")
                    .append(System.lineSeparator()).append(process.logTail(30)));
            throw new IllegalStateException(report.toString(), notReady);
        }
    }

    private List<String> mailCatcherCommand() {
        Ports ports = settings.ports();
        // it keeps every message in memory: a load or fault run leaves tens of thousands (128 MB ran out at 17,000)
        return List.of(java(), "-Xmx2g",
                "-Dgreenmail.smtp.hostname=" + LOOPBACK, "-Dgreenmail.smtp.port=" + ports.smtp(),
                "-Dgreenmail.imap.hostname=" + LOOPBACK, "-Dgreenmail.imap.port=" + ports.imap(),
                "-Dgreenmail.api.hostname=" + LOOPBACK, "-Dgreenmail.api.port=" + ports.mailApi(),
                // any login works; the mailbox of an address is created when mail arrives for it
                "-Dgreenmail.auth.disabled",
                "-jar", settings.mailCatcherJar().toString());
    }

    /** {@code PIPELINE_SERVICE_JAVA_OPTS} adds JVM options to every service, e.g. to profile one with JFR. */
    private List<String> serviceCommand(PipelineService service) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m"));
        String extraOptions = System.getenv("PIPELINE_SERVICE_JAVA_OPTS");
        if (extraOptions != null && !extraOptions.isBlank()) {
            command.addAll(List.of(extraOptions.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", service.runnableJar(settings.home()).toString()));
        return command;
    }

    private Map<String, String> serviceEnvironment(PipelineService service) {
        Secrets secrets = settings.secrets();
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.ports().of(service)));
        env.put("QUARKUS_HTTP_HOST", LOOPBACK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
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
            // organizers hold one token for their petitions and for the updates they send to signers
            env.put("EMAIL_ADMIN_TOKEN", secrets.adminToken());
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
            // ops hold one token for dedup's held signatures and for reporting's ops console
            env.put("REPORTING_OPS_TOKEN", secrets.opsToken());
        }
        if (service == PipelineService.INTAKE) {
            // the widget reads the live total from reporting, on its own origin
            env.put("INTAKE_EMBED_TOTALS_URL", url(PipelineService.REPORTING).toString());
        }
        if (service == PipelineService.DEDUP) {
            env.put("DEDUP_ADMIN_TOKEN", secrets.opsToken());
        }
        env.putAll(settings.extraEnvironment(service));
        return env;
    }

    public URI url(PipelineService service) {
        return URI.create("http://localhost:" + settings.ports().of(service));
    }

    /** A page on another origin that embeds the demo petition (script and iframe), when intake runs. */
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

    private static String java() {
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
