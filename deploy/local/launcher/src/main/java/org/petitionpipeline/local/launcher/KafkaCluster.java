package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * Kafka as a cluster runs it: one process per broker, each a broker and a KRaft controller, the controllers a
 * quorum of all of them. With three: replication 3 with 2 in sync and no unclean leader election, so a broker can
 * die (SIGKILL) or stay away without a record acknowledged to a producer being lost. Each broker can be killed,
 * stopped and started again alone, on its ports and its log, as an outage or a rolling restart does. With
 * {@link KafkaSecurity}, clients must authenticate with SCRAM over TLS (the controllers' own quorum listener stays
 * plaintext on loopback).
 */
final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /**
     * A broker killed with SIGKILL recovers every partition's log before it registers again, on a machine that is
     * under load at the time (the fault runs): it gets longer than a fresh start.
     */
    private static final Duration REJOIN_TIMEOUT = Duration.ofSeconds(180);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String CLIENT_LISTENER = "CLIENTS";

    private final List<Ports.KafkaNode> nodes;
    private final Path dataDir;
    private final Path logDir;
    private final Optional<KafkaSecurity> security;
    private final ManagedProcess[] brokers;

    private KafkaCluster(List<Ports.KafkaNode> nodes, Path dataDir, Path logDir, Optional<KafkaSecurity> security) {
        this.nodes = List.copyOf(nodes);
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.security = security;
        this.brokers = new ManagedProcess[nodes.size()];
    }

    /** Formats each broker's log directory, starts every broker and returns once all have joined. */
    static KafkaCluster start(List<Ports.KafkaNode> nodes, Path dataDir, Path logDir,
            Optional<KafkaSecurity> security) {
        KafkaCluster cluster = new KafkaCluster(nodes, dataDir, logDir, security);
        try {
            String clusterId = Uuid.randomUuid().toString();
            cluster.eachNode().parallel().forEach(node -> cluster.format(node, clusterId));
            cluster.eachNode().forEach(cluster::start);
            cluster.awaitAllBrokers(READY_TIMEOUT);
            security.ifPresent(secure -> cluster.grant(secure.serviceAcls()));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return nodes.stream().map(node -> LOOPBACK + ":" + node.client()).collect(Collectors.joining(","));
    }

    int size() {
        return nodes.size();
    }

    /** The certificates and users clients must present, when the brokers require them. */
    Optional<KafkaSecurity> security() {
        return security;
    }

    /** What a client of the launcher needs to connect: the addresses, and its SCRAM user over TLS if secure. */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security.map(secure -> secure.clientSettings(
                KafkaSecurity.LAUNCHER_USER)).orElse(Map.of()));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** Broker ids are 1, 2, 3 (KRaft node ids); the index into {@code nodes} is one less. */
    static int indexOf(int brokerId) {
        return brokerId - 1;
    }

    /** SIGKILL: the broker dies as in a crash, nothing flushed or handed over. */
    synchronized void kill(int brokerId) {
        ManagedProcess broker = brokers[indexOf(brokerId)];
        if (broker != null) {
            broker.kill();
            brokers[indexOf(brokerId)] = null;
        }
    }

    /** SIGTERM: a controlled shutdown, leadership handed to the others first, as in a rolling restart. */
    synchronized void stop(int brokerId) {
        ManagedProcess broker = brokers[indexOf(brokerId)];
        if (broker != null) {
            broker.close();
            brokers[indexOf(brokerId)] = null;
        }
    }

    /** Starts a killed or stopped broker again on its ports and its log; returns once the cluster has it back. */
    synchronized void restart(int brokerId) {
        if (brokers[indexOf(brokerId)] == null) {
            start(indexOf(brokerId));
            awaitAllBrokers(REJOIN_TIMEOUT);
        }
    }

    synchronized boolean isAlive(int brokerId) {
        ManagedProcess broker = brokers[indexOf(brokerId)];
        return broker != null && broker.isAlive();
    }

    /** The broker id leading a partition now, e.g. to kill the leader of the partitions under load. */
    int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            Node leader = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition).leader();
            if (leader == null) {
                throw new IllegalStateException(new TopicPartition(topic, partition) + " has no leader");
            }
            return leader.id();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not ask the cluster who leads " + topic + "-" + partition, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** CPU time of every broker process so far, all threads together. */
    Duration cpuTime() {
        Duration total = Duration.ZERO;
        for (ManagedProcess broker : brokers) {
            if (broker != null) {
                total = total.plus(broker.cpuTime());
            }
        }
        return total;
    }

    @Override
    public synchronized void close() {
        for (int index = brokers.length - 1; index >= 0; index--) {
            if (brokers[index] != null) {
                brokers[index].close();
                brokers[index] = null;
            }
        }
    }

    private IntStream eachNode() {
        return IntStream.range(0, nodes.size());
    }

    private void format(int index, String clusterId) {
        Path config = writeConfig(index);
        List<String> format = new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
        security.ifPresent(secure -> format.addAll(secure.scramUsersForFormat()));
        ManagedProcess formatting = ManagedProcess.start("kafka-format-" + (index + 1),
                javaCommand("-Xmx256m", "kafka.tools.StorageTool", format.toArray(String[]::new)),
                Map.of(), logDir.resolve("kafka-" + (index + 1) + ".log"));
        int exit = formatting.awaitExit(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("formatting broker " + (index + 1) + "'s log failed (exit " + exit + "):"
                    + System.lineSeparator() + formatting.logTail(20));
        }
    }

    private void start(int index) {
        brokers[index] = ManagedProcess.start("kafka-" + (index + 1),
                javaCommand("-Xmx512m", "kafka.Kafka", configFile(index).toString()), Map.of(),
                logDir.resolve("kafka-" + (index + 1) + ".log"));
    }

    private void awaitAllBrokers(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String joined = "none yet";
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                for (int index = 0; index < brokers.length; index++) {
                    if (brokers[index] != null && !brokers[index].isAlive()) {
                        throw new IllegalStateException("Kafka broker " + (index + 1) + " stopped while starting:"
                                + System.lineSeparator() + brokers[index].logTail(30));
                    }
                }
                try {
                    long running = IntStream.range(0, brokers.length).filter(index -> brokers[index] != null).count();
                    Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (nodes.size() == running) {
                        return;
                    }
                    joined = nodes.stream().map(Node::idString).sorted().collect(Collectors.joining(", "));
                } catch (ExecutionException | TimeoutException notYet) {
                    // the brokers are still electing a controller; ask again
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka cluster started", e);
        }
        // what each broker was doing says why (a log recovery still running, a registration refused): CI keeps no logs
        StringBuilder logs = new StringBuilder();
        for (int index = 0; index < brokers.length; index++) {
            if (brokers[index] != null) {
                logs.append(System.lineSeparator()).append("--- broker ").append(index + 1).append(':')
                        .append(System.lineSeparator()).append(brokers[index].logTail(15));
            }
        }
        throw new IllegalStateException("the Kafka cluster did not form within " + timeout.toSeconds()
                + " s; brokers in the cluster: " + joined + logs);
    }

    /** Creates ACLs (as the launcher, a super user), returning once the brokers hold them. */
    private void grant(List<AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the services' ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the services' ACLs", e);
        }
    }

    private Admin admin() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(config);
    }

    private Path configFile(int index) {
        return dataDir.resolve("kafka-" + (index + 1) + ".properties");
    }

    private Path writeConfig(int index) {
        Ports.KafkaNode node = nodes.get(index);
        String voters = eachNode().mapToObj(other -> (other + 1) + "@" + LOOPBACK + ":" + nodes.get(other).controller())
                .collect(Collectors.joining(","));
        Properties config = new Properties();
        config.put("node.id", String.valueOf(index + 1));
        config.put("process.roles", "broker,controller");
        config.put("listeners", CLIENT_LISTENER + "://" + LOOPBACK + ":" + node.client() + ",CONTROLLER://" + LOOPBACK
                + ":" + node.controller());
        config.put("advertised.listeners", CLIENT_LISTENER + "://" + LOOPBACK + ":" + node.client());
        config.put("controller.listener.names", "CONTROLLER");
        // the brokers replicate over the clients' listener, so with security they authenticate to each other too
        config.put("inter.broker.listener.name", CLIENT_LISTENER);
        config.put("listener.security.protocol.map", CLIENT_LISTENER + ":"
                + (security.isPresent() ? "SASL_SSL" : "PLAINTEXT") + ",CONTROLLER:PLAINTEXT");
        security.ifPresent(secure -> config.putAll(secure.brokerSettings(CLIENT_LISTENER)));
        config.put("controller.quorum.voters", voters);
        config.put("log.dirs", dataDir.resolve("kafka-" + (index + 1)).toString());
        // what the topic catalogue's production topics also say, for the broker's own topics too
        String replication = String.valueOf(Math.min(3, nodes.size()));
        String inSync = String.valueOf(Math.min(2, nodes.size()));
        config.put("default.replication.factor", replication);
        config.put("min.insync.replicas", inSync);
        config.put("unclean.leader.election.enable", "false");
        config.put("offsets.topic.replication.factor", replication);
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", inSync);
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        try {
            Files.createDirectories(dataDir);
            try (var out = Files.newBufferedWriter(configFile(index))) {
                config.store(out, "broker " + (index + 1) + " of the local Kafka cluster");
            }
            return configFile(index);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + configFile(index), e);
        }
    }

    /**
     * A JVM on the launcher's own class path (its jar's manifest names the Kafka broker jars; in a test run the
     * class path lists them), running {@code mainClass}.
     */
    private static List<String> javaCommand(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(LocalPipeline.java(), heap, "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
