package org.petitionpipeline.local.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * HAProxy in front of the instances of every service, each service on its usual port: clients, the widget, the
 * consoles and the links in mail see one address, and an instance that dies or restarts drops out of rotation
 * and comes back by its readiness check. A request that could not reach an instance is sent to another, so a
 * rolling restart costs no signer a connection error.
 */
final class LoadBalancer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final List<Path> KNOWN_PLACES = List.of(Path.of("/usr/sbin/haproxy"), Path.of("/usr/local/sbin/haproxy"),
            Path.of("/usr/bin/haproxy"));

    private final ManagedProcess haproxy;

    private LoadBalancer(ManagedProcess haproxy) {
        this.haproxy = haproxy;
    }

    /**
     * Writes the configuration, has HAProxy check it, starts it and returns once every front port accepts
     * connections.
     */
    static LoadBalancer start(Ports ports, Path configFile, Path log) {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "--instances above 1 needs HAProxy as the load balancer: install it (sudo apt-get install haproxy)"));
        write(configFile, configuration(ports));
        ManagedProcess check = ManagedProcess.start("haproxy-check",
                List.of(executable.toString(), "-c", "-f", configFile.toString()), Map.of(), log);
        if (check.awaitExit(Duration.ofSeconds(30)) != 0) {
            throw new IllegalStateException("HAProxy refused " + configFile + ":" + System.lineSeparator()
                    + check.logTail(20));
        }
        // -db: stay in the foreground, so the launcher supervises it and stops it like any child
        ManagedProcess haproxy = ManagedProcess.start("haproxy",
                List.of(executable.toString(), "-db", "-f", configFile.toString()), Map.of(), log);
        LoadBalancer balancer = new LoadBalancer(haproxy);
        try {
            ports.services().values().forEach(port -> balancer.awaitListening(port));
            return balancer;
        } catch (RuntimeException e) {
            balancer.close();
            throw e;
        }
    }

    boolean isAlive() {
        return haproxy.isAlive();
    }

    Duration cpuTime() {
        return haproxy.cpuTime();
    }

    @Override
    public void close() {
        haproxy.close();
    }

    /**
     * One frontend and backend per service. Health: an instance is taken out after two failed readiness checks a
     * second apart and back after one good one. Retries: a request whose connection failed, or that got no
     * answer at all, goes to another instance (a signature sent twice is still counted once: dedup's rule).
     * Timeouts: the live-total streams are long answers kept alive by the service's heartbeats.
     */
    static String configuration(Ports ports) {
        StringBuilder config = new StringBuilder("""
                # Written by the local launcher at every start (LoadBalancer.java); changes here are lost.
                global
                    maxconn 8000
                    log stdout format raw local0 info

                defaults
                    mode http
                    log global
                    option httplog
                    option dontlog-normal
                    option forwardfor
                    option redispatch
                    retries 3
                    retry-on conn-failure empty-response
                    timeout connect 2s
                    timeout client 70s
                    timeout server 70s
                    timeout http-request 10s
                    timeout http-keep-alive 10s
                    default-server check inter 1s fastinter 500ms fall 2 rise 1
                """);
        ports.services().forEach((service, port) -> {
            config.append(System.lineSeparator())
                    .append("frontend ").append(service.module()).append(System.lineSeparator())
                    .append("    bind ").append(LOOPBACK).append(':').append(port).append(System.lineSeparator())
                    .append("    http-request set-header X-Forwarded-Proto http").append(System.lineSeparator())
                    .append("    default_backend ").append(service.module()).append(System.lineSeparator())
                    .append(System.lineSeparator())
                    .append("backend ").append(service.module()).append(System.lineSeparator())
                    .append("    balance roundrobin").append(System.lineSeparator())
                    .append("    option httpchk GET /q/health/ready").append(System.lineSeparator())
                    .append("    http-check expect status 200").append(System.lineSeparator());
            List<Integer> instances = ports.instances().get(service);
            for (int index = 0; index < instances.size(); index++) {
                config.append("    server ").append(ServiceInstance.name(service, index)).append(' ')
                        .append(LOOPBACK).append(':').append(instances.get(index)).append(System.lineSeparator());
            }
        });
        return config.toString();
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped while starting:" + System.lineSeparator()
                        + haproxy.logTail(20));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("HAProxy did not listen on " + port + " within 30 s");
    }

    private static Optional<Path> executable() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "haproxy"));
        return Stream.concat(onPath, KNOWN_PLACES.stream()).filter(Files::isExecutable).findFirst();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while HAProxy started", e);
        }
    }
}
