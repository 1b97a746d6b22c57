package org.petitionpipeline.email.mail;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's {@code smtp-sink} (Debian package {@code postfix}) in place of GreenMail when {@code -Dsmtp-bench.server}
 * is {@code smtp-sink}: a real SMTP server that offers PIPELINING, takes every message and keeps none, so what is
 * measured is the sender. Ordered after {@code SmtpTestResource}, whose mailer port it overrides.
 */
public class SmtpSinkTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Pattern MESSAGES = Pattern.compile("mesg=(\\d+)");
    private static final Pattern SESSIONS = Pattern.compile("sess=(\\d+)");

    private static volatile Process sink;
    private static volatile Path counters;

    static boolean wanted() {
        return "smtp-sink".equals(System.getProperty("smtp-bench.server", "smtp-sink"));
    }

    @Override
    public Map<String, String> start() {
        if (!wanted()) {
            return Map.of();
        }
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            counters = Files.createTempFile("smtp-sink", ".counters");
            // -c: a line of counters each time a message ends; -u: it refuses to run as root without it
            sink = new ProcessBuilder("/usr/sbin/smtp-sink", "-u", "nobody", "-c", "127.0.0.1:" + port, "1000")
                    .redirectErrorStream(true).redirectOutput(counters.toFile()).start();
            Thread.sleep(500);
            return Map.of("quarkus.mailer.port", String.valueOf(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sink's CPU time so far (user and system). */
    static Duration cpu() {
        return sink.info().totalCpuDuration().orElseThrow();
    }

    /** Messages the sink has taken so far, from the last of its counter lines. */
    static long messages() throws IOException {
        return lastCounter(MESSAGES);
    }

    /** SMTP sessions that have ended so far: a connection kept open for the next message has not. */
    static long sessionsEnded() throws IOException {
        return lastCounter(SESSIONS);
    }

    private static long lastCounter(Pattern counter) throws IOException {
        Matcher counted = counter.matcher(Files.readString(counters));
        long last = 0;
        while (counted.find()) {
            last = Long.parseLong(counted.group(1));
        }
        return last;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.destroy();
        }
    }
}
