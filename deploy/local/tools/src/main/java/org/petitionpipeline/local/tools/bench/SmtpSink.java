package org.petitionpipeline.local.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Postfix's {@code smtp-sink} (Debian package {@code postfix}): a real SMTP server that answers every command,
 * pipelining included, and throws each message away. What a receipt benchmark sends into, so the figure is the
 * sender's and not a mail store's (docs/benchmarks/mail-catcher.md measured the choices).
 */
final class SmtpSink implements AutoCloseable {

    private static final Path PROGRAM = Path.of("/usr/sbin/smtp-sink");
    // connections waiting to be accepted, as smtp-sink wants it said
    private static final int BACKLOG = 256;

    private final Process process;

    private SmtpSink(Process process) {
        this.process = process;
    }

    static SmtpSink start(int port, Path logDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROGRAM)) {
            throw new IllegalStateException(PROGRAM + " is missing: install Debian's postfix package (sudo apt-get "
                    + "install postfix), or measure into the mail catcher with `bench-receipts <receipts> greenmail`");
        }
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>(List.of(PROGRAM.toString()));
        if (System.getProperty("user.name").equals("root")) {
            // it refuses to run as root and asks whose privileges to take once it has its socket
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of("127.0.0.1:" + port, String.valueOf(BACKLOG)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logDir.resolve("smtp-sink.log").toFile()).start();
        SmtpSink sink = new SmtpSink(process);
        sink.awaitListening(port, Duration.ofSeconds(10));
        return sink;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private void awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new UncheckedIOException("smtp-sink did not listen on port " + port, notYet);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
