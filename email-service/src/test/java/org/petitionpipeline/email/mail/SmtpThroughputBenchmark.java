package org.petitionpipeline.email.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.petitionpipeline.testsupport.KafkaTestResource;
import org.petitionpipeline.testsupport.PostgresTestResource;
import org.petitionpipeline.testsupport.SmtpTestResource;

/**
 * A measurement, not a test: receipt-sized messages through {@link SmtpGateway}, one conversation at a time (as every
 * instance sent before {@code email.smtp-connections}) and then over the configured connections, each pass preceded
 * by a warm-up; it logs messages per second and the CPU per message of this JVM (beyond what it spends idle) and of
 * the SMTP server. Its name keeps it out of the normal build; run it with
 * <pre>./mvnw -o -q -pl email-service -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=SmtpThroughputBenchmark
 *     -Dsmtp-bench.messages=5000 [-Dsmtp-bench.server=greenmail] [-Demail.smtp-connections=8]</pre>
 * against Postfix's {@code smtp-sink} by default. This JVM also holds the test's Kafka broker, idle meanwhile.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "smtp-bench.messages", matches = "[0-9]+")
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(value = SmtpSinkTestResource.class, restrictToAnnotatedClass = true)
class SmtpThroughputBenchmark {

    private static final Logger LOG = Logger.getLogger(SmtpThroughputBenchmark.class);
    private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Inject
    SmtpGateway smtp;

    @ConfigProperty(name = "email.smtp-connections")
    int connections;

    @Test
    void oneConversationAtATimeAgainstSeveral() throws Exception {
        int messages = Integer.getInteger("smtp-bench.messages");
        double idleCpuPerSecond = idleCpuPerSecond();

        measure("one at a time", messages, idleCpuPerSecond, mails -> mails.forEach(smtp::send));
        measure(connections + " connections", messages, idleCpuPerSecond,
                mails -> assertThat(smtp.send(mails)).allMatch(SmtpOutcome::sent));
    }

    private void measure(String how, int messages, double idleCpuPerSecond, Sender sender) throws Exception {
        sender.send(batch(how + " warm-up", messages / 2));
        List<Mail> mails = batch(how, messages);
        long sinkMessagesBefore = SmtpSinkTestResource.wanted() ? SmtpSinkTestResource.messages() : 0;
        long sinkSessionsBefore = SmtpSinkTestResource.wanted() ? SmtpSinkTestResource.sessionsEnded() : 0;
        Duration serverCpuBefore = serverCpu();
        Map<Long, Long> eventLoopsBefore = eventLoopCpu();
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();

        sender.send(mails);

        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (OS.getProcessCpuTime() - cpuBefore) / 1e6 - idleCpuPerSecond * seconds * 1e3;
        double serverCpuMillis = serverCpu().minus(serverCpuBefore).toNanos() / 1e6;
        Map<Long, Long> eventLoopsAfter = eventLoopCpu();
        double busiestLoop = eventLoopsAfter.entrySet().stream()
                .mapToLong(loop -> loop.getValue() - eventLoopsBefore.getOrDefault(loop.getKey(), 0L))
                .max().orElse(0) / 1e9 / seconds;
        if (SmtpSinkTestResource.wanted()) {
            // the sink writes its counters as each message ends: give the last line a moment
            Thread.sleep(200);
            assertThat(SmtpSinkTestResource.messages() - sinkMessagesBefore).as("taken by smtp-sink").isEqualTo(messages);
        }
        LOG.infof("%s, %s: %d messages in %.1f s = %.0f/s; email-service %.3f ms CPU per message (its busiest event"
                + " loop %.0f%% busy), server %s",
                System.getProperty("smtp-bench.server", "smtp-sink"), how, messages, seconds, messages / seconds,
                cpuMillis / messages, busiestLoop * 100, SmtpSinkTestResource.wanted()
                        ? String.format("%.3f ms CPU per message, %d connections closed meanwhile",
                                serverCpuMillis / messages, SmtpSinkTestResource.sessionsEnded() - sinkSessionsBefore)
                        : "in this JVM");
    }

    // GreenMail runs in this JVM: its CPU is in the figure for email-service, and cannot be told apart
    private static Duration serverCpu() {
        return SmtpSinkTestResource.wanted() ? SmtpSinkTestResource.cpu() : Duration.ZERO;
    }

    private static Map<Long, Long> eventLoopCpu() {
        return Arrays.stream(THREADS.getThreadInfo(THREADS.getAllThreadIds()))
                .filter(thread -> thread != null && thread.getThreadName().startsWith("vert.x-eventloop-thread"))
                .collect(Collectors.toMap(ThreadInfo::getThreadId, thread -> THREADS.getThreadCpuTime(thread.getThreadId())));
    }

    private static double idleCpuPerSecond() throws InterruptedException {
        long before = OS.getProcessCpuTime();
        Thread.sleep(5_000);
        return (OS.getProcessCpuTime() - before) / 1e9 / 5;
    }

    private static List<Mail> batch(String run, int count) {
        return IntStream.range(0, count).mapToObj(number -> ReceiptLikeMail.numbered(run, number)).toList();
    }

    @FunctionalInterface
    private interface Sender {
        void send(List<Mail> mails);
    }
}
